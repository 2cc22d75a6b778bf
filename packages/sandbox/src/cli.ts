#!/usr/bin/env node
import { runCli } from './hosts/node/runCli.js'

const { sandbox, exitCode } = await runCli(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
})
process.exitCode = exitCode
if (sandbox) {
  const stop = () => {
    void sandbox.stop().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
