// @vitest-environment node
import { join } from 'node:path'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FixtureInstall, installFixtures } from '../../../tests/support/installedFixtures.js'

// Layer 5 of the firewall: server-client's `exports` give the `browser` condition a types file
// that exports nothing, so a client tsconfig with `customConditions: ["browser"]` flags the import.

let install: FixtureInstall
beforeAll(() => {
  install = installFixtures(['editor'], ['core', 'server-client'])
})
afterAll(() => install?.remove())

/** Type-checks a fixture project as `tsc --noEmit -p` would; returns the error messages. */
function typeCheck(tsconfig: string): string[] {
  const path = join(install.app('editor'), tsconfig)
  const config = ts.getParsedCommandLineOfConfigFile(path, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
    },
  })
  if (!config) throw new Error(`Could not read ${path}`)
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options })
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
}

describe('importing @smartpay-kit/server-client, as the editor sees it', () => {
  // Type-checking a program takes seconds on a busy machine.
  it('is a type error in a client tsconfig with customConditions: ["browser"]', {
    timeout: 60_000,
  }, () => {
    expect(typeCheck('tsconfig.client.json')).toEqual([
      expect.stringMatching(
        /"@smartpay-kit\/server-client"' has no exported member '?createServerClient'?/,
      ),
    ])
  })

  it.each(['tsconfig.server.json', 'tsconfig.server-node16.json', 'tsconfig.server-nodenext.json'])(
    'type-checks in a server tsconfig without the condition (%s)',
    { timeout: 60_000 },
    (tsconfig) => {
      expect(typeCheck(tsconfig)).toEqual([])
    },
  )
})
