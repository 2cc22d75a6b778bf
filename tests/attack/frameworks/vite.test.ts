import { describe } from 'vitest'
import { appAttack } from './helpers.js'

// Plain Vite, on Rollup (6, 7) and Rolldown (8), from one install: files written after the
// firewall's hooks used to run. A deploy plugin's async closeBundle writing into dist/, and an
// app build (`vite build --app`) whose buildApp prerenders into dist/client after the client
// build finished. The control builds show the key ships; with the firewall each build fails.

describe.each([
  ['Vite 6 (Rollup)', 'vite6'],
  ['Vite 7 (Rollup)', 'vite7'],
  ['Vite 8 (Rolldown)', 'vite'],
])('%s with smartpayFirewall()', (_, vite) => {
  describe("another plugin's async closeBundle writes into dist/", () => {
    appAttack({
      app: 'vite-late',
      as: `${vite}-late`,
      command: [`${vite}/bin/vite.js`, 'build'],
      served: 'dist',
      ships: ['dist/late.js'],
      refused: ['dist/late.js'],
    })
  })

  describe("the app's buildApp prerenders into dist/client after the client build", () => {
    appAttack({
      app: 'vite-app',
      as: `${vite}-app`,
      command: [`${vite}/bin/vite.js`, 'build', '--app'],
      served: 'dist/client',
      ships: ['dist/client/index.html'],
      refused: ['dist/client/index.html'],
    })
  })
})
