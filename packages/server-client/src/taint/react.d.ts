// The one thing read of `react`, under the `react-server` condition: its taint API, which only
// React's experimental builds export. No dependency on @types/react.
declare module 'react' {
  export const experimental_taintUniqueValue:
    | ((message: string, lifetime: object, value: string) => void)
    | undefined
  export const experimental_taintObjectReference:
    | ((message: string, object: object) => void)
    | undefined
}
