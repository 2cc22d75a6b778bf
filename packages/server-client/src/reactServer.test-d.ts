import { expectTypeOf, test } from 'vitest'
import type * as main from './index.js'
import type * as reactServer from './reactServer.js'

test('the react-server entry has the same names and types as the main entry', () => {
  expectTypeOf<keyof typeof reactServer>().toEqualTypeOf<keyof typeof main>()
  expectTypeOf<(typeof reactServer)['createServerClient']>().toEqualTypeOf<
    (typeof main)['createServerClient']
  >()
  expectTypeOf<(typeof reactServer)['createServerTransport']>().toEqualTypeOf<
    (typeof main)['createServerTransport']
  >()
})
