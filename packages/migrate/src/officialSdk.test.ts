import { describe, expect, it } from 'vitest'
import {
  CONSTANTS,
  ID_VALIDATORS,
  INSTANCE_METHODS,
  OTHER_INSTANCE_METHODS,
  STATIC_METHODS,
} from './officialSdk.js'

// The table against the official SDK itself (0.9.1, a devDependency).
const sdk = (await import('@smartpay/sdk-node')) as Record<string, unknown>
const Smartpay = sdk.default as { prototype: object }

function own(kind: 'static' | 'instance') {
  const names = new Set<string>()
  for (let c: unknown = Smartpay; c && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    const holder = (kind === 'static' ? c : (c as { prototype?: object }).prototype) as object
    if (!holder) continue
    for (const name of Object.getOwnPropertyNames(holder)) {
      if (!['length', 'name', 'prototype', 'constructor'].includes(name)) names.add(name)
    }
  }
  return names
}

describe('the official surface, as the codemod knows it', () => {
  it('has every instance method of @smartpay/sdk-node 0.9.1, and no other', () => {
    const ours = [...Object.keys(INSTANCE_METHODS), ...OTHER_INSTANCE_METHODS].sort()
    expect(ours).toEqual([...own('instance')].sort())
    expect(ours).toHaveLength(39)
  })

  it('has every static method and every constant, with the constants’ values', () => {
    const statics = [...own('static')]
    const holder = Smartpay as unknown as Record<string, unknown>
    const methods = statics.filter((name) => typeof holder[name] === 'function')
    const constants = statics.filter((name) => typeof holder[name] !== 'function')
    expect([...STATIC_METHODS].sort()).toEqual(methods.sort())
    expect(Object.keys(CONSTANTS).sort()).toEqual(constants.sort())
    expect(constants).toHaveLength(23)
    for (const name of constants) {
      const official = holder[name]
      const fixed = official === 'autommatic' ? 'automatic' : official
      expect(CONSTANTS[name], name).toBe(fixed)
    }
  })

  it('has the package’s named exports: the three id validators', () => {
    const named = Object.keys(sdk).filter((name) => name !== 'default' && name !== '__esModule')
    expect(Object.keys(ID_VALIDATORS).sort()).toEqual(named.sort())
  })

  it('comes to 52 methods with the constructor', () => {
    const total =
      Object.keys(INSTANCE_METHODS).length +
      OTHER_INSTANCE_METHODS.length +
      STATIC_METHODS.length +
      Object.keys(ID_VALIDATORS).length +
      1
    expect(total).toBe(52)
  })
})
