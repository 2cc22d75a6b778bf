import { describe } from 'vitest'
import { appAttack } from './helpers.js'

// Astro 7, static output: a server value handed to an inline script (`define:vars`) and a
// static endpoint. Astro generates pages after every Vite build: the integration scans in
// astro:build:done.

describe('Astro 7 with the @smartpay-kit/firewall/astro integration', () => {
  appAttack({
    app: 'astro',
    command: ['astro/bin/astro.mjs', 'build'],
    served: 'dist',
    ships: ['dist/index.html', 'dist/config.json'],
    refused: ['dist/index.html', 'dist/config.json'],
  })
})
