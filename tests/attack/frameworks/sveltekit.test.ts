import { describe } from 'vitest'
import { appAttack } from './helpers.js'

// SvelteKit 3 with adapter-static: a server load on a prerendered page, and a prerendered
// endpoint. SvelteKit prerenders and its adapter writes build/ in buildApp hooks, after every
// environment's own hooks: the Vite plugin's last scan runs after them.

describe('SvelteKit 3 (adapter-static) with smartpayFirewall() in vite.config.js', () => {
  appAttack({
    app: 'sveltekit',
    command: ['vite/bin/vite.js', 'build'],
    served: 'build',
    ships: ['build/index.html', 'build/__data.json', 'build/config.json'],
    refused: ['build/index.html', 'build/__data.json', 'build/config.json'],
  })
})
