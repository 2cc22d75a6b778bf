// A page that calls the API with a secret key by mistake: the build must fail and say why.
const SECRET_KEY = 'sk_test_sandboxSecretKey000001'

document.querySelector('#pay')?.addEventListener('click', async () => {
  await fetch('https://api.smartpay.co/v1/orders', {
    headers: { Authorization: `Basic ${btoa(`${SECRET_KEY}:`)}` },
  })
})
