import type { Mode } from './ids.js'
import type { ObjectKind, ObjectsByKind } from './objects.js'

type Tables = { [K in ObjectKind]: Map<string, ObjectsByKind[K]> }

const emptyTables = (): Tables => ({
  checkoutSession: new Map(),
  order: new Map(),
  lineItem: new Map(),
  payment: new Map(),
  refund: new Map(),
  webhookEndpoint: new Map(),
  coupon: new Map(),
  promotionCode: new Map(),
  token: new Map(),
  discount: new Map(),
})

/**
 * The in-memory store: one account, one table per kind and mode, so test and live objects
 * never see each other. Maps keep insertion order, which lists rely on.
 */
export class Store {
  #tables: Record<Mode, Tables> = { test: emptyTables(), live: emptyTables() }

  /** The object of `kind` with this id in `mode`, if any. */
  get<K extends ObjectKind>(mode: Mode, kind: K, id: string): ObjectsByKind[K] | undefined {
    return this.#tables[mode][kind].get(id)
  }

  /** Every object of `kind` in `mode`, oldest first. */
  all<K extends ObjectKind>(mode: Mode, kind: K): ObjectsByKind[K][] {
    return [...this.#tables[mode][kind].values()]
  }

  /** Stores a new object. */
  insert<K extends ObjectKind>(mode: Mode, kind: K, object: ObjectsByKind[K]): ObjectsByKind[K] {
    this.#tables[mode][kind].set(object.id, object)
    return object
  }

  /** Applies `patch` to a stored object and bumps `updatedAt`. */
  update<K extends ObjectKind>(
    mode: Mode,
    kind: K,
    id: string,
    patch: Partial<ObjectsByKind[K]>,
    now: number = Date.now(),
  ): ObjectsByKind[K] {
    const current = this.#tables[mode][kind].get(id)
    if (!current) throw new Error(`no ${kind} ${id} in ${mode} mode`)
    const next = { ...current, ...patch, updatedAt: Math.max(now, current.updatedAt) }
    this.#tables[mode][kind].set(id, next)
    return next
  }

  /** Removes an object for good. */
  delete(mode: Mode, kind: ObjectKind, id: string): boolean {
    return this.#tables[mode][kind].delete(id)
  }

  /** Forgets everything. */
  clear(): void {
    this.#tables = { test: emptyTables(), live: emptyTables() }
  }
}
