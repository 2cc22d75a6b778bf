import { describe } from 'vitest'
import { appAttack } from './helpers.js'

// React Router 7 (framework mode): a server loader on a prerendered route. React Router
// prerenders in the server build's writeBundle, in a build of its own after the client's: the
// Vite plugin's last scan runs in that build's closeBundle.

describe('React Router 7 with smartpayFirewall() in vite.config.js', () => {
  appAttack({
    app: 'react-router',
    command: ['@react-router/dev/bin.js', 'build'],
    served: 'build/client',
    ships: ['build/client/index.html', 'build/client/_root.data'],
    refused: ['build/client/index.html', 'build/client/_root.data'],
  })
})
