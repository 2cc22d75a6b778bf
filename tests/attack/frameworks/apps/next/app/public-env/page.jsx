import { Price } from './Price'

export default function PublicEnv() {
  return <Price />
}
