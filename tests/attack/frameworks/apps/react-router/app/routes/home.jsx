// A server loader on a prerendered route: its data is in index.html and the .data file.
export function loader() {
  return { merchantKey: process.env.SMARTPAY_SECRET_KEY }
}

export default function Home({ loaderData }) {
  return <p>{loaderData.merchantKey ? 'ready' : 'not ready'}</p>
}
