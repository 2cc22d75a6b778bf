import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { viteBuild } from './helpers/bundlers.js'
import { page } from './helpers/expect.js'
import {
  createProject,
  type Files,
  KEY,
  KEY_FINGERPRINT,
  PACKAGES,
  type Project,
} from './helpers/project.js'
import { filesHoldingKey } from './helpers/shipsKey.js'

// Class 10: the `smartpay-firewall scan` CLI reads what a host serves. It follows symbolic
// links as upload tools and static hosts do (the control: a dereferencing copy, as a deploy
// makes, holds the key), and given a project's root it scans the folders its framework serves,
// read from the frameworks table, and says which.

const CLI = join(PACKAGES, 'firewall/dist/cli.js')
const scan = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, 'scan', ...args], { encoding: 'utf8' })

let project: Project
beforeAll(() => {
  project = createProject()
})
afterAll(() => project?.remove())

function expectFound(result: ReturnType<typeof scan>, file: string | RegExp): void {
  expect(result.status, result.stderr + result.stdout).toBe(1)
  expect(result.stderr).toMatch(file)
  expect(result.stderr).toContain(KEY_FINGERPRINT)
  expect(result.stderr + result.stdout).not.toContain(KEY)
}

/** What a deploy uploads: the folder copied with every link followed. */
function deployed(app: string, dir: string): string {
  const upload = join(app, 'upload')
  cpSync(join(app, dir), upload, { recursive: true, dereference: true })
  return upload
}

describe('symbolic links', () => {
  it('a folder linked outside the output (dist/shared -> ../shared)', () => {
    const app = project.app('cli-link-folder', {
      'dist/index.html': page(),
      'shared/config.json': `{ "secretKey": "${KEY}" }`,
    })
    symlinkSync('../shared', join(app, 'dist/shared'), 'dir')
    expect(filesHoldingKey(deployed(app, 'dist'), KEY)).toEqual(['shared/config.json'])
    expectFound(scan(join(app, 'dist')), `${join(app, 'dist')}/shared/config.json`)
  })

  it('a file linked from anywhere on the disk', () => {
    const app = project.app('cli-link-file', {
      'dist/index.html': page(),
      'secrets/.env': `SMARTPAY_SECRET_KEY=${KEY}\n`,
    })
    symlinkSync(join(app, 'secrets/.env'), join(app, 'dist/env.txt'), 'file')
    expect(filesHoldingKey(deployed(app, 'dist'), KEY)).toEqual(['env.txt'])
    expectFound(scan(join(app, 'dist')), /dist\/env\.txt: sk_live_…uite/)
  })

  it('the output folder itself a link, and a loop back to it inside', () => {
    const app = project.app('cli-link-loop', {
      'build/assets/app.js': `console.log("${KEY}")`,
    })
    symlinkSync(join(app, 'build'), join(app, 'dist'), 'dir')
    symlinkSync('..', join(app, 'build/assets/up'), 'dir')
    symlinkSync(join(app, 'nowhere'), join(app, 'build/dangling'), 'file')
    symlinkSync('/dev/zero', join(app, 'build/zero'), 'file')
    const result = scan(join(app, 'dist'))
    expectFound(result, /dist\/assets\/app\.js: sk_live_…uite/)
  })

  it('control: links to clean files pass and are counted once', () => {
    const app = project.app('cli-link-clean', {
      'dist/index.html': page(),
      'shared/public.json': '{ "publicKey": "pk_live_FakePublicKeyForTheSuite" }',
    })
    symlinkSync('../shared', join(app, 'dist/shared'), 'dir')
    symlinkSync(join(app, 'dist'), join(app, 'dist/shared/loop'), 'dir')
    const result = scan(join(app, 'dist'))
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/No Smartpay secret key in 2 files/)
  })
})

/** A project whose package.json depends on `dependency`, with `files` as its build left them. */
function builtProject(name: string, dependency: string, files: Files): string {
  return project.app(name, {
    'package.json': JSON.stringify({ type: 'module', dependencies: { [dependency]: '*' } }),
    ...files,
  })
}

const SERVER = `export const key = "${KEY}"\n`

describe("a project's root: the folders its framework serves", () => {
  it.each([
    {
      framework: 'Next.js',
      dependency: 'next',
      files: {
        '.next/static/chunks/app.js': 'console.log(1)',
        '.next/server/app/page.js': SERVER,
        '.next/server/app/index.html': `<p>${KEY}</p>`,
      },
      found: '.next/server/app/index.html',
      folders: ['.next/static', '.next/server/app'],
    },
    {
      framework: 'Next.js',
      dependency: 'next',
      files: { 'out/index.txt': `0:["${KEY}"]`, '.next/server/app/page.js': SERVER },
      found: 'out/index.txt',
      folders: ['out'],
    },
    {
      framework: 'SvelteKit',
      dependency: '@sveltejs/kit',
      files: {
        'build/index.js': SERVER,
        'build/server/chunks/page.js': SERVER,
        'build/client/_app/start.js': 'console.log(1)',
        'build/prerendered/__data.json': `{"key":"${KEY}"}`,
      },
      found: 'build/prerendered/__data.json',
      folders: ['build'],
    },
    {
      framework: 'SvelteKit',
      dependency: '@sveltejs/kit',
      files: { '.svelte-kit/output/prerendered/pages/index.html': `<p>${KEY}</p>` },
      found: '.svelte-kit/output/prerendered/pages/index.html',
      folders: ['.svelte-kit/output/prerendered'],
    },
    {
      framework: 'SvelteKit',
      dependency: '@sveltejs/kit',
      files: { '.vercel/output/static/index.html': `<p>${KEY}</p>` },
      found: '.vercel/output/static/index.html',
      folders: ['.vercel/output/static'],
    },
    {
      framework: 'Nuxt',
      dependency: 'nuxt',
      files: {
        '.output/server/index.mjs': SERVER,
        '.output/public/_payload.json': `{"key":"${KEY}"}`,
      },
      found: '.output/public/_payload.json',
      folders: ['.output/public'],
    },
    {
      framework: 'Astro',
      dependency: 'astro',
      files: { 'dist/server/entry.mjs': SERVER, 'dist/client/index.html': `<p>${KEY}</p>` },
      found: 'dist/client/index.html',
      folders: ['dist'],
    },
    {
      framework: 'React Router 7',
      dependency: '@react-router/dev',
      files: { 'build/server/index.js': SERVER, 'build/client/index.html': `<p>${KEY}</p>` },
      found: 'build/client/index.html',
      folders: ['build/client'],
    },
  ])('$framework: finds $found and names the folders it scanned', (row) => {
    const app = builtProject(
      `cli-root-${row.found.replace(/\W+/g, '-')}`,
      row.dependency,
      row.files,
    )
    const result = scan(app)
    expectFound(result, `${app}/${row.found}: ${KEY_FINGERPRINT}`)
    expect(result.stdout).toContain(`${row.framework} project: scanning`)
    for (const folder of row.folders) expect(result.stdout).toContain(join(app, folder))
    // Server code in the project is not served, and is not reported.
    expect(result.stderr).not.toMatch(/\/(page\.js|index\.js|index\.mjs|entry\.mjs): /)
  })

  it('Vite, a real build: the root is enough, and `public/` reached dist', async () => {
    const app = project.app('cli-root-vite', {
      'package.json': JSON.stringify({ type: 'module', devDependencies: { vite: '*' } }),
      'index.html': page(),
      'main.js': "document.title = 'Checkout'\n",
      'public/config.json': `{ "secretKey": "${KEY}" }`,
    })
    expect((await viteBuild(app, {}, { firewall: false })).error).toBeUndefined()
    const result = scan(app)
    expectFound(result, `${app}/dist/config.json`)
    expect(result.stdout).toContain('Vite project: scanning')
  })

  it('a project of no framework the firewall knows: the known output folders that exist', () => {
    const app = project.app('cli-root-unknown', {
      'package.json': '{ "type": "module" }',
      'node_modules/some-server-lib/index.js': SERVER,
      'dist/index.html': `<p>${KEY}</p>`,
    })
    const result = scan(app)
    expectFound(result, `${app}/dist/index.html`)
    expect(result.stdout).toContain('A project of no framework the firewall knows: scanning')
    expect(result.stderr).not.toContain('node_modules')
  })

  it('exits 2 on a project with nothing built', () => {
    const app = builtProject('cli-root-unbuilt', 'next', { 'app/page.js': 'export default 1' })
    const result = scan(app)
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/Nothing built to scan in .*: .*Build first/)
  })

  it('control: a clean built Next.js project passes, naming what it read', () => {
    const app = builtProject('cli-root-clean', 'next', {
      '.next/static/chunks/app.js': 'console.log("pk_live_FakePublicKeyForTheSuite")',
      '.next/server/app/page.js': SERVER,
      'public/logo.txt': 'logo',
    })
    mkdirSync(join(app, '.next/server/pages'), { recursive: true })
    writeFileSync(join(app, '.next/server/pages/_app.js'), SERVER)
    const result = scan(app)
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/No Smartpay secret key in 2 files under/)
  })
})
