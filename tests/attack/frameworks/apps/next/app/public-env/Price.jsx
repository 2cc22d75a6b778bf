'use client'

// NEXT_PUBLIC_ variables are inlined into client code.
export function Price() {
  return <p title={process.env.NEXT_PUBLIC_SMARTPAY_KEY}>Price</p>
}
