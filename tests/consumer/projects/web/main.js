// A checkout page: reads a session with the public key, then redirects to the hosted checkout.
import { createPublicClient, redirectToCheckout } from '@smartpay-kit/public-client'

const smartpay = createPublicClient({ publicKey: 'pk_test_sandboxPublicKey000001' })
document.querySelector('#pay')?.addEventListener('click', async () => {
  const session = await smartpay.checkoutSessions.retrieve('checkout_test_consumerWeb0000001')
  redirectToCheckout(session)
})
