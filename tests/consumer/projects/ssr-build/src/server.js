// The server entry: every route, as a framework's server build collects them.
export * as checkout from './routes/checkout.js'
export * as home from './routes/home.js'
