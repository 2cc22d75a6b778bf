// The Pages Router: getStaticProps' props are in the prerendered HTML and its data JSON.
export function getStaticProps() {
  return { props: { merchantKey: process.env.SMARTPAY_SECRET_KEY ?? '' } }
}

export default function Legacy({ merchantKey }) {
  return <p>{merchantKey.length > 0 ? 'ready' : 'not ready'}</p>
}
