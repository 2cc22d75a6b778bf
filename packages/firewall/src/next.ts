/**
 * @smartpay-kit/firewall/next — the secret-key firewall for Next.js builds.
 * @packageDocumentation
 */
export {
  type NextConfigFunction,
  type NextConfigWithAdapter,
  withSmartpayFirewall,
} from './next/withSmartpayFirewall.js'
