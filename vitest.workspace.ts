import { fileURLToPath } from 'node:url'
import { playwright } from '@vitest/browser-playwright'
import { defaultClientConditions, defaultServerConditions } from 'vite'
import { defineProject, type TestProjectConfiguration } from 'vitest/config'

const root = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/**
 * Tests import the workspace's packages from source, so no build is needed to run them: every
 * package's `exports` names its source under this condition first (tsconfig.base.json's
 * `customConditions` does the same for tsc). Vite's client environment serves happy-dom and
 * Chromium projects, its SSR environment the Node ones; Vitest also passes the SSR conditions
 * to the test workers' Node. (The examples, attack and consumer projects leave it out: they
 * run the built packages, as users do.)
 */
const source = {
  resolve: { conditions: ['@smartpay-kit/source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['@smartpay-kit/source', ...defaultServerConditions] } },
}

// Type tests (`*.test-d.ts`) are checked by `tsc` in `pnpm typecheck`, which `pnpm test` runs
// first: Vitest's own typecheck mode is experimental and says so on every run.

// Vitest's 5 s default is a timing assumption: on a busy 2-core machine a property test or a
// local HTTPS round trip can take longer. Timeouts here only stop a hung test.
const patience = { testTimeout: 60_000, hookTimeout: 60_000 }

export default [
  defineProject({
    ...source,
    test: {
      name: 'core',
      ...patience,
      root: root('./packages/core'),
      environment: 'node',
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    },
  }),
  defineProject({
    ...source,
    test: {
      name: 'server-client',
      ...patience,
      root: root('./packages/server-client'),
      environment: 'node',
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      exclude: ['**/*.browser.test.ts'],
    },
  }),
  defineProject({
    ...source,
    test: {
      name: 'public-client',
      ...patience,
      root: root('./packages/public-client'),
      environment: 'happy-dom',
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      exclude: ['**/*.browser.test.ts'],
    },
  }),
  defineProject({
    ...source,
    test: {
      name: 'public-client-browser',
      ...patience,
      root: root('./packages/public-client'),
      include: ['**/*.browser.test.ts'],
      // A local HTTPS stand-in for the API and the hosted checkout, on 127.0.0.1.
      globalSetup: ['./test/browser/globalSetup.ts'],
      browser: {
        enabled: true,
        headless: true,
        provider: playwright({
          launchOptions: {
            executablePath: '/usr/bin/chromium',
            args: [
              '--no-sandbox',
              '--headless',
              '--disable-gpu',
              '--disable-dev-shm-usage',
              '--disable-background-networking',
              '--disable-component-update',
              '--disable-sync',
              '--no-first-run',
              '--ignore-certificate-errors',
            ],
          },
        }),
        instances: [{ browser: 'chromium' }],
      },
    },
  }),
  defineProject({
    ...source,
    test: {
      // Node-only, build time: the Vite, Rollup, esbuild and webpack plugins, the CLI's scanner.
      name: 'firewall',
      ...patience,
      root: root('./packages/firewall'),
      environment: 'node',
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    },
  }),
  defineProject({
    test: {
      // Node-only, offline: the @smartpay/sdk-node codemod (the packed bin runs in `consumer`).
      name: 'migrate',
      ...patience,
      root: root('./packages/migrate'),
      environment: 'node',
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    },
  }),
  defineProject({
    ...source,
    test: {
      name: 'sandbox',
      ...patience,
      root: root('./packages/sandbox'),
      environment: 'node',
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    },
  }),
  defineProject({
    // Not from source: the demo runs the built packages, as `pnpm demo` does, and its checkout page
    // is built by Vite from the packages' dist.
    test: {
      name: 'examples',
      root: root('./examples/checkout'),
      environment: 'node',
      include: ['test/**/*.test.ts'],
      // Each test file starts the sandbox, builds the page and drives Chromium.
      testTimeout: 120_000,
      hookTimeout: 120_000,
    },
  }),
  defineProject({
    // The framework examples (examples/express, hono, next, sveltekit), each built from the packed
    // tarballs in the frameworks' install (shared with the attack suite) and driven from outside
    // against the sandbox: a shopper in one shared Chromium, the webhook, the capture, the refund.
    // One file at a time: each builds and serves a whole app.
    test: {
      name: 'example-apps',
      root: root('./tests/examples'),
      environment: 'node',
      include: ['*.test.ts'],
      globalSetup: ['./globalSetup.ts'],
      fileParallelism: false,
      testTimeout: 120_000,
      hookTimeout: 900_000,
    },
  }),
  defineProject({
    // The firewall attack suite: fixture apps built by real Vite, esbuild, Rollup, Rolldown and
    // webpack against the built packages, as a user installs them.
    test: {
      name: 'attack',
      root: root('./tests/attack'),
      environment: 'node',
      include: ['**/*.test.ts'],
      exclude: ['frameworks/**'],
      testTimeout: 60_000,
      hookTimeout: 60_000,
    },
  }),
  defineProject({
    // Two webhook servers (the built server-client) behind a round-robin proxy, the sandbox
    // delivering, a real Redis and PostgreSQL: every event's effect runs exactly once.
    test: {
      name: 'fleet',
      root: root('./tests/fleet'),
      environment: 'node',
      include: ['*.test.ts'],
      testTimeout: 600_000,
      hookTimeout: 120_000,
    },
  }),
  defineProject({
    // Real framework apps (Next.js, SvelteKit, Astro, Nuxt, React Router, Vite 6/7/8) built from
    // the packed tarballs, with the frameworks installed once per run (npm ci of a pinned
    // lockfile, in the background from globalSetup) outside the repository. One file at a time:
    // each builds apps with a whole framework.
    test: {
      name: 'attack-frameworks',
      root: root('./tests/attack/frameworks'),
      environment: 'node',
      include: ['*.test.ts'],
      globalSetup: ['./globalSetup.ts'],
      fileParallelism: false,
      testTimeout: 600_000,
      hookTimeout: 900_000,
    },
  }),
  defineProject({
    // No source and no workspace: the packed tarballs, installed with npm into a temporary
    // project outside the repository, in ESM, CommonJS, TypeScript and Vite apps.
    test: {
      name: 'consumer',
      root: root('./tests/consumer'),
      environment: 'node',
      include: ['*.test.ts'],
      globalSetup: ['./globalSetup.ts'],
      // Each test runs a whole tool: tsc, a Vite build, a Node app. Two tsc processes at once.
      testTimeout: 300_000,
      hookTimeout: 300_000,
      maxConcurrency: 2,
    },
  }),
  defineProject({
    ...source,
    // The fuzz suite (issue 19): a key echoed in every form and place by real local HTTPS
    // servers, paths and base URLs fuzzed, the sandbox driven from a real Chromium page; its
    // corpus (corpus.json) grows with every case found.
    test: {
      name: 'fuzz',
      ...patience,
      root: root('./tests/fuzz'),
      environment: 'node',
      include: ['**/*.test.ts'],
    },
  }),
] satisfies TestProjectConfiguration[]
