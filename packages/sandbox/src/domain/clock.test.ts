import { describe, expect, it } from 'vitest'
import { Clock } from './clock.js'

const HOUR = 60 * 60 * 1000

/** `clock.now()` read between two readings of the real time. */
const bracket = (clock: Clock) => {
  const before = Date.now()
  const now = clock.now()
  return { before, now, after: Date.now() }
}

describe('Clock', () => {
  it('reads the real time until it is moved', () => {
    const { before, now, after } = bracket(new Clock())
    expect(now).toBeGreaterThanOrEqual(before)
    expect(now).toBeLessThanOrEqual(after)
  })

  it('moves forward by what advance() is given, and keeps running', () => {
    const clock = new Clock()
    const before = Date.now()
    const moved = clock.advance(HOUR)
    expect(moved).toBeGreaterThanOrEqual(before + HOUR)
    expect(moved).toBeLessThanOrEqual(Date.now() + HOUR)
    clock.advance(HOUR)
    const later = bracket(clock)
    expect(later.now).toBeGreaterThanOrEqual(later.before + 2 * HOUR)
    expect(later.now).toBeLessThanOrEqual(later.after + 2 * HOUR)
  })

  it('refuses to go backwards or by a non-number, and stays where it was', () => {
    const clock = new Clock()
    clock.advance(HOUR)
    for (const ms of [-1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => clock.advance(ms)).toThrow(
        new TypeError(`clock.advance takes a number of ms ≥ 0; got ${String(ms)}.`),
      )
    const { before, now, after } = bracket(clock)
    expect(now).toBeGreaterThanOrEqual(before + HOUR)
    expect(now).toBeLessThanOrEqual(after + HOUR)
  })

  it('is set to ms since epoch or a Date, then runs on from there', () => {
    const clock = new Clock()
    const target = Date.parse('2031-05-01T00:00:00Z')
    const before = Date.now()
    const set = clock.setTime(new Date(target))
    const elapsed = Date.now() - before
    expect(set).toBeGreaterThanOrEqual(target)
    expect(set).toBeLessThanOrEqual(target + elapsed)
    expect(clock.now()).toBeGreaterThanOrEqual(set)
    expect(clock.setTime(target - HOUR)).toBeLessThan(target)
  })

  it('refuses a time that is not a finite number or a valid Date', () => {
    const clock = new Clock()
    expect(() => clock.setTime(Number.NaN)).toThrow(TypeError)
    expect(() => clock.setTime(new Date('not a date'))).toThrow(/ms since epoch or a Date/)
    const { before, now, after } = bracket(clock)
    expect(now).toBeGreaterThanOrEqual(before)
    expect(now).toBeLessThanOrEqual(after)
  })

  it('goes back to the real time on reset()', () => {
    const clock = new Clock()
    clock.setTime(Date.parse('2040-01-01T00:00:00Z'))
    clock.reset()
    const { before, now, after } = bracket(clock)
    expect(now).toBeGreaterThanOrEqual(before)
    expect(now).toBeLessThanOrEqual(after)
  })

  it('tells onMove of every change, after it is made, and of no refused one', () => {
    const seen: number[] = []
    const clock = new Clock(() => seen.push(clock.now()))
    clock.advance(HOUR)
    clock.setTime(Date.parse('2040-01-01T00:00:00Z'))
    expect(() => clock.advance(-1)).toThrow(TypeError)
    clock.reset()
    expect(seen).toHaveLength(3)
    expect(seen[1]).toBeGreaterThanOrEqual(Date.parse('2040-01-01T00:00:00Z'))
    expect(Math.abs((seen[2] ?? 0) - Date.now())).toBeLessThan(HOUR)
  })
})
