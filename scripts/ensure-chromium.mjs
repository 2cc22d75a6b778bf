#!/usr/bin/env node
// Browser tests and the demo drive Debian's Chromium (test tools may not download browsers here).
// Installs it when missing and we are root on a Debian-like system; otherwise says how.
import { execSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

if (!existsSync(CHROMIUM)) {
  const root = process.getuid?.() === 0
  if (root && existsSync('/usr/bin/apt-get')) {
    console.log(`Chromium not found at ${CHROMIUM}; installing Debian's chromium package…`)
    execSync('apt-get update -qq && apt-get install -y -qq chromium', { stdio: 'inherit' })
  } else {
    console.error(
      `Chromium not found at ${CHROMIUM}. Install it (Debian/Ubuntu: sudo apt-get install -y chromium)` +
        ' or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    )
    process.exit(1)
  }
}
