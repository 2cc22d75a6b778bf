import type { TestProject } from 'vitest/node'
import { startFrameworkInstall } from '../../support/frameworkInstall.js'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The root of the frameworks' install (ready once frameworksReady() says so). */
    frameworksRoot: string
  }
}

// The install runs in the background while other suites' tests run; each test file here waits.
// SMARTPAY_FRAMEWORKS_ROOT names an install to reuse instead (kept), while working on the apps.
export default function setup(project: TestProject): (() => Promise<void>) | undefined {
  const reused = process.env.SMARTPAY_FRAMEWORKS_ROOT
  if (reused) {
    project.provide('frameworksRoot', reused)
    return undefined
  }
  const install = startFrameworkInstall()
  project.provide('frameworksRoot', install.root)
  return () => install.remove()
}
