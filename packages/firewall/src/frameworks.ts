import { existsSync, readFileSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'
import type { ServedDir } from './served/servedScan.js'

// The frameworks as data: how to tell a project uses one, which env vars it hands to client
// code, what a browser can fetch after its build, and the hook that runs once all of that is
// written. The plugins, the CLI and the README's table read these rows; an integration module
// per framework only wires that hook to the one scan. Each fact was checked against the version
// named in `checked` (its sources and a real build in tests/attack).

/** The frameworks the firewall knows. */
export type FrameworkId = 'next' | 'nuxt' | 'sveltekit' | 'astro' | 'react-router' | 'vite'

/** A folder a browser can fetch files from after a build. */
export interface ServedFolder {
  /** Relative to the project root, `/`-separated. */
  readonly path: string
  /** Only these files of it are served (paths relative to it); the rest is server code. */
  readonly only?: RegExp
  /** These files of it are server code, never served (paths relative to it). */
  readonly except?: RegExp
  /** What writes it: for the docs and the CLI's report. */
  readonly what: string
}

/** One framework: a row of {@link FRAMEWORKS}. */
export interface Framework {
  readonly id: FrameworkId
  /** As its docs write it. */
  readonly name: string
  /** A project uses it when its package.json depends on this package. */
  readonly package: string
  /** The version the facts were checked against. */
  readonly checked: string
  /** Env var prefixes whose values the framework hands to client code. */
  readonly publicEnvPrefixes: readonly string[]
  /** Everything a browser can fetch after `build`, by folder, relative to the project root. */
  readonly served: readonly ServedFolder[]
  /** Where the firewall's last scan runs: the hook that runs after everything served is written. */
  readonly lastHook: string
  /** The one line that wires the firewall in, the file it goes in, and what it imports. */
  readonly wiring: { readonly file: string; readonly line: string; readonly from: string }
  /** What the firewall cannot see in this framework. */
  readonly unseen: string
}

const NODE_SERVER = /^(?:server\/|(?:index|handler|env|shims)\.js$)/

/**
 * The frameworks, most specific first: every Vite-based framework depends on `vite` too, so
 * plain Vite is last.
 */
export const FRAMEWORKS: readonly Framework[] = [
  {
    id: 'next',
    name: 'Next.js',
    package: 'next',
    checked: '16.5.0',
    publicEnvPrefixes: ['NEXT_PUBLIC_'],
    served: [
      { path: '.next/static', what: 'client chunks, CSS, media (`/_next/static`)' },
      {
        path: '.next/server/app',
        only: /\.(?:html|rsc|body|meta)$|\.segments\//,
        what: 'prerendered App Router pages, RSC payloads and route bodies',
      },
      {
        path: '.next/server/pages',
        // Not Turbopack's per-page manifests (`_error/build-manifest.json`) or traces.
        only: /\.(?:html|meta)$|(?<!-manifest|\.nft)\.json$/,
        what: 'prerendered Pages Router pages and their data',
      },
      {
        path: '.next/server/route-cache',
        what: 'prerendered pages, payloads and route bodies when a build adapter is set',
      },
      { path: 'out', what: "`output: 'export'`" },
      { path: 'public', what: 'served as it is' },
    ],
    lastHook:
      "in the build adapter's `onBuildComplete` (`adapterPath`), after every page is prerendered",
    wiring: {
      file: 'next.config.mjs',
      line: 'export default withSmartpayFirewall(nextConfig)',
      from: '@smartpay-kit/firewall/next',
    },
    unseen:
      'pages rendered at request time (React taint covers those, below); what an adapter of your own writes after the scan',
  },
  {
    id: 'nuxt',
    name: 'Nuxt',
    package: 'nuxt',
    checked: '4.6.4',
    publicEnvPrefixes: ['NUXT_PUBLIC_', 'VITE_'],
    served: [
      {
        path: '.output/public',
        what: 'client build, `public/`, prerendered pages and `_payload.json`',
      },
    ],
    lastHook: "in Nitro's `compiled` hook, after prerendering and the public assets' copy",
    wiring: {
      file: 'nuxt.config.ts',
      line: "modules: ['@smartpay-kit/firewall/nuxt']",
      from: '@smartpay-kit/firewall/nuxt',
    },
    unseen:
      'pages rendered at request time; `runtimeConfig.public` set from `NUXT_PUBLIC_` env at run time',
  },
  {
    id: 'sveltekit',
    name: 'SvelteKit',
    package: '@sveltejs/kit',
    checked: '3.4.1',
    // SvelteKit 2's `$env/*/public` use `PUBLIC_`; SvelteKit 3 declares public variables by
    // name in `src/env.js` instead, and keeps Vite's `import.meta.env`.
    publicEnvPrefixes: ['VITE_', 'PUBLIC_'],
    served: [
      { path: '.svelte-kit/output/client', what: 'client build and `static/`' },
      {
        path: '.svelte-kit/output/prerendered',
        what: 'prerendered pages and `__data.json`',
      },
      {
        path: 'build',
        except: NODE_SERVER,
        what: "adapter-static's site, or adapter-node's `client/` and `prerendered/`",
      },
      { path: '.vercel/output/static', what: "adapter-vercel's static files" },
    ],
    lastHook: "in Vite's `buildApp` (order `post`), after SvelteKit's adapter",
    wiring: {
      file: 'vite.config.js',
      line: 'plugins: [sveltekit(), smartpayFirewall()]',
      from: '@smartpay-kit/firewall/vite',
    },
    unseen:
      'pages rendered at request time; public env read at run time; files another adapter adds in its own folder (`.netlify`, `.svelte-kit/cloudflare`)',
  },
  {
    id: 'astro',
    name: 'Astro',
    package: 'astro',
    checked: '7.4.8',
    publicEnvPrefixes: ['PUBLIC_'],
    served: [
      {
        path: 'dist',
        except: /^server\//,
        what: 'the site (static) or `dist/client` (server output)',
      },
    ],
    lastHook: 'in `astro:build:done`, after pages are generated',
    wiring: {
      file: 'astro.config.mjs',
      line: 'integrations: [smartpayFirewall()]',
      from: '@smartpay-kit/firewall/astro',
    },
    unseen:
      'pages rendered at request time (`prerender = false`); integrations listed after it that write in `astro:build:done`',
  },
  {
    id: 'react-router',
    name: 'React Router 7',
    package: '@react-router/dev',
    checked: '7.18.7',
    publicEnvPrefixes: ['VITE_'],
    served: [
      {
        path: 'build/client',
        what: 'client build, `public/`, prerendered HTML and `.data` files',
      },
    ],
    lastHook:
      "in the server build's `closeBundle`, after React Router prerendered in `writeBundle`",
    wiring: {
      file: 'vite.config.ts',
      line: 'plugins: [reactRouter(), smartpayFirewall()]',
      from: '@smartpay-kit/firewall/vite',
    },
    unseen:
      'pages rendered at request time; files your own `buildEnd` writes (it runs after every Vite build)',
  },
  {
    id: 'vite',
    name: 'Vite',
    package: 'vite',
    checked: '6.4.6, 7.3.8, 8.3.8',
    publicEnvPrefixes: ['VITE_'],
    served: [{ path: 'dist', what: 'the client build and `public/`' }],
    lastHook: "in `buildApp` (order `post`, Vite 7+), else the last environment's `closeBundle`",
    wiring: {
      file: 'vite.config.ts',
      line: 'plugins: [smartpayFirewall()]',
      from: '@smartpay-kit/firewall/vite',
    },
    unseen:
      'what your server renders at request time; a plugin listed after `smartpayFirewall()` that writes in its own `post` hooks',
  },
]

/** The row of `id`. */
export function framework(id: FrameworkId): Framework {
  return FRAMEWORKS.find((each) => each.id === id) as Framework
}

/**
 * The framework the project at `root` uses, from the dependencies in its package.json, or
 * undefined when it depends on none of them.
 */
export function detectFramework(root: string): Framework | undefined {
  const manifest = join(root, 'package.json')
  if (!existsSync(manifest)) return undefined
  const { dependencies, devDependencies } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    dependencies?: Record<string, string>
    devDependencies?: Record<string, string>
  }
  const names = new Set(Object.keys({ ...dependencies, ...devDependencies }))
  return FRAMEWORKS.find((each) => names.has(each.package))
}

/** Whether `file` (relative to `folder`, `/`-separated) is served. */
export function isServed(folder: ServedFolder, file: string): boolean {
  return (!folder.only || folder.only.test(file)) && !folder.except?.test(file)
}

/**
 * The served folders of `framework` that exist under `root`, as the served scan reads them.
 * `distDir` (absolute or relative to `root`) replaces Next.js's `.next` when its config moves it.
 */
export function servedDirs(framework: Framework, root: string, distDir?: string): ServedDir[] {
  return framework.served.flatMap((folder) => {
    const moved =
      distDir && folder.path.startsWith('.next/')
        ? join(distDir, folder.path.slice(6))
        : folder.path
    const dir = isAbsolute(moved) ? moved : resolve(root, moved)
    return existsSync(dir) ? [{ dir, serves: (file: string) => isServed(folder, file) }] : []
  })
}
