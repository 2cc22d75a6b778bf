import { Banner } from './Banner'

export default function Staging() {
  return <Banner />
}
