import { type ApiDeps, type ApiRequest, handleApi } from '../api/handleApi.js'
import { jsonReply, type Reply } from '../api/reply.js'
import { type FaultQueue, faultReply } from './controls/faults.js'
import type { RequestLogEntry } from './sandbox.js'

/** A reply, or what a fault made of it (`drop`, `hang`), with facts for the request log. */
export interface Answer {
  reply: Reply | 'drop' | 'hang'
  facts: Pick<RequestLogEntry, 'mode' | 'replayed' | 'fault'>
}

/**
 * Serves one `/v1` request through the fault queued for it, if any. A delay holds the answer
 * but not the work: like a real server, it completes the request even if the caller gave up.
 * A hang never answers (the host waits for the caller to abort). Any other fault answers
 * instead of the API: before the handler runs, or after it (`after: true`).
 */
export async function serveApi(
  deps: ApiDeps & { faults: FaultQueue },
  request: ApiRequest,
): Promise<Answer> {
  const { method, url } = request
  const fault = deps.faults.take(method, url.pathname)
  if (fault?.kind === 'delay' && fault.hang === true)
    return { reply: 'hang', facts: { fault: 'delay' } }
  if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms))
  const replacing = fault !== undefined && fault.kind !== 'delay' ? fault : undefined
  const outcome = replacing && !replacing.after ? undefined : await handleApi(deps, request)
  const facts = {
    ...(outcome?.mode ? { mode: outcome.mode } : {}),
    ...(outcome?.replayed ? { replayed: true } : {}),
    ...(fault ? { fault: fault.kind } : {}),
  }
  if (replacing)
    return { reply: faultReply(replacing, `http://${url.host}${url.pathname}${url.search}`), facts }
  return { reply: outcome?.reply ?? jsonReply(500, {}), facts }
}
