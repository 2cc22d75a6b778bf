// Built with and without the firewall (ATTACK_FIREWALL). Prerendered: the page and the API
// route it fetches.
export default {
  modules: process.env.ATTACK_FIREWALL ? ['@smartpay-kit/firewall/nuxt'] : [],
  nitro: { prerender: { routes: ['/', '/api/merchant'] } },
  devtools: { enabled: false },
  telemetry: false,
}
