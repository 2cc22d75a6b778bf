// A page that imports the server client by mistake: the build must fail and say why.
import { createServerClient } from '@smartpay-kit/server-client'

document.querySelector('#pay')?.addEventListener('click', () => {
  createServerClient()
})
