import type { EventType } from '../events.js'
import type { Mode } from '../ids.js'
import type { Scope } from '../lifecycle.js'
import type { BaseObject } from '../objects.js'
import { Store } from '../store.js'

/** A scope over a fresh store at a fixed time, recording what it emits. */
export function testScope(mode: Mode = 'test', now = Date.parse('2030-01-01T00:00:00Z')) {
  const emitted: [EventType, BaseObject][] = []
  const scope: Scope = {
    mode,
    store: new Store(),
    now,
    emit: (type, data) => void emitted.push([type, data]),
  }
  return { scope, emitted }
}
