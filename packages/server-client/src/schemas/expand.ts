// What `expand` does to a response's type. A reference field is `string | X` (see `ref`):
// an id unless expanded, the object when `expand: 'all'` is sent.

/** A reference `string | X` as its object `X`; any other field as it is. */
type ObjectOf<F> = [Extract<F, string>] extends [never]
  ? F
  : [Exclude<F, string | undefined>] extends [never]
    ? F
    : Exclude<F, string>

/** A reference `string | X` as its id; any other field as it is. */
type IdOf<F> = [Extract<F, string>] extends [never]
  ? F
  : [Exclude<F, string | undefined>] extends [never]
    ? F
    : Exclude<F, Exclude<F, string | undefined>>

type Pick<F, Form extends 'object' | 'id'> = Form extends 'object' ? ObjectOf<F> : IdOf<F>

// Not distributive over F: `string | X` must be seen whole to be recognised as a reference.
type EachField<F, Form extends 'object' | 'id'> = [Exclude<F, undefined>] extends [
  readonly (infer E)[],
]
  ? Pick<E, Form>[] | Extract<F, undefined>
  : Pick<F, Form>

/**
 * `T` as `retrieve(id, { expand: 'all' })` returns it: each reference (`order`, `lineItems`…)
 * is the object it points to, not its id. References inside those objects keep both forms.
 * @example Expanded<CheckoutSession>['order'] // Order | undefined
 */
export type Expanded<T> = { [K in keyof T]: EachField<T[K], 'object'> }

/**
 * `T` as a call without `expand` returns it: each reference is an id.
 * @example Unexpanded<CheckoutSession>['order'] // string | undefined
 */
export type Unexpanded<T> = { [K in keyof T]: EachField<T[K], 'id'> }

/**
 * The response type of a call that takes `expand`: {@link Expanded} for `{ expand: 'all' }`,
 * {@link Unexpanded} without it (or with `'no'`), and `T` (both forms) when not known until
 * run time.
 */
export type WithExpand<T, P> = P extends { expand: 'all' }
  ? Expanded<T>
  : P extends { expand: 'no' }
    ? Unexpanded<T>
    : 'expand' extends keyof P
      ? T
      : Unexpanded<T>
