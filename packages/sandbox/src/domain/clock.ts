/**
 * The sandbox's idea of "now": the real time plus an offset that tests move forward, so a
 * session, an authorization or a promotion code expires without waiting. Time keeps running.
 * @example
 * sandbox.clock.advance(25 * 60 * 60 * 1000) // a day and an hour later: the session expired
 */
export interface SandboxClock {
  /** The sandbox time, ms since epoch. */
  now(): number
  /** Moves the sandbox time forward by `ms` (never backwards); returns the new time. */
  advance(ms: number): number
  /** Sets the sandbox time (ms since epoch, or a Date); returns it. */
  setTime(time: number | Date): number
  /** Back to the real time. */
  reset(): void
}

/** The clock every part of one sandbox reads; `onMove` hears every change of its offset. */
export class Clock implements SandboxClock {
  #offset = 0
  readonly #onMove: (() => void) | undefined

  constructor(onMove?: () => void) {
    this.#onMove = onMove
  }

  now(): number {
    return Date.now() + this.#offset
  }

  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0)
      throw new TypeError(`clock.advance takes a number of ms ≥ 0; got ${String(ms)}.`)
    this.#offset += ms
    this.#onMove?.()
    return this.now()
  }

  setTime(time: number | Date): number {
    const ms = time instanceof Date ? time.getTime() : time
    if (!Number.isFinite(ms))
      throw new TypeError(`clock.setTime takes ms since epoch or a Date; got ${String(time)}.`)
    this.#offset = ms - Date.now()
    this.#onMove?.()
    return this.now()
  }

  reset(): void {
    this.#offset = 0
    this.#onMove?.()
  }
}
