import { OrderStatus } from './OrderStatus'

// Smartpay sends the shopper here with `session-id` in the query. The page reads the session in
// the browser, with the public key (OrderStatus).
export default async function Success({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const { 'session-id': sessionId } = await searchParams
  return (
    <main>
      <h1>Thank you</h1>
      {typeof sessionId === 'string' ? (
        <OrderStatus sessionId={sessionId} />
      ) : (
        <p>No checkout session in this link.</p>
      )}
      <p>
        <a href="/">Back to the shop</a>
      </p>
    </main>
  )
}
