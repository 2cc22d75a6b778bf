// The app's own environment, read from $app/env/private on the server. The server client reads
// SMARTPAY_SECRET_KEY and SMARTPAY_API_PREFIX itself, at its first call, so that `vite build`
// (which runs the server modules while it analyses the routes) needs no secret at all.
import { defineEnvVars } from '@sveltejs/kit/env'

const optional = (value: string | undefined) => value || undefined

export const variables = defineEnvVars({
  SMARTPAY_WEBHOOK_SECRET: {
    description:
      'The signingSecret of your webhook endpoint (shown once, when it is created). Unset, the webhook route refuses to start.',
    schema: optional,
  },
  ADMIN_TOKEN: {
    description: 'The bearer token of the refund route. Unset, the route refuses everyone.',
    schema: optional,
  },
})
