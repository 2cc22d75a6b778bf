#!/usr/bin/env node
// The webhook store tests run a real Redis and a real PostgreSQL, each started by the tests
// themselves on a free port in a temporary folder (tests/support/redisServer.ts,
// postgresServer.ts). Installs Debian's redis-server and postgresql when missing and we are
// root on a Debian-like system; otherwise says how.
import { execSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'

const onPath = (command) => {
  try {
    execSync(`command -v ${command}`, { stdio: 'ignore', shell: '/bin/sh' })
    return true
  } catch {
    return false
  }
}
const hasPostgres = () =>
  existsSync('/usr/lib/postgresql') &&
  readdirSync('/usr/lib/postgresql').some((major) =>
    existsSync(`/usr/lib/postgresql/${major}/bin/postgres`),
  )

const missing = [
  ...(onPath('redis-server') ? [] : ['redis-server']),
  ...(hasPostgres() ? [] : ['postgresql']),
]
if (missing.length > 0) {
  const root = process.getuid?.() === 0
  if (root && existsSync('/usr/bin/apt-get')) {
    console.log(`${missing.join(' and ')} not found; installing Debian's packages…`)
    // The packages' own services are not needed: the tests start their own servers.
    execSync(
      `apt-get update -qq && apt-get install -y -qq --no-install-recommends ${missing.join(' ')}`,
      {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      },
    )
  } else {
    console.error(
      `${missing.join(' and ')} not found. Install them (Debian/Ubuntu: sudo apt-get install -y ${missing.join(' ')}): ` +
        'the webhook store tests start a real Redis and PostgreSQL on free ports.',
    )
    process.exit(1)
  }
}
