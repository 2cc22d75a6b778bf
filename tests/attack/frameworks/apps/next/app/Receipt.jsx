'use client'

// A client component that receives more than it should: whatever a server component passes it
// is serialised into the page and its RSC payload.
export function Receipt({ merchantKey }) {
  return <p data-ready={Boolean(merchantKey)}>Thank you for your order.</p>
}
