// @smartpay-kit/server-client has no browser build: it holds a secret key. With the `browser`
// condition, TypeScript resolves here and every import reports "has no exported member".
// Use @smartpay-kit/public-client in browser code.
export {}
