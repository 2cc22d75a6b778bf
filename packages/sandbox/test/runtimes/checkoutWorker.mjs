// The sandbox as a Worker: the in-process sandbox (no origin given) answers every request the
// Worker gets, the API, the hosted checkout page and its buttons alike. Made at the first request:
// workerd allows no random values (the control token, ids) at global scope.
import { createSandbox } from '../../src/fetch.ts'

let sandbox

export default {
  fetch: (request) => {
    sandbox ??= createSandbox()
    return sandbox.fetch(request)
  },
}
