// @smartpay-kit/server-client cannot be bundled for a browser: see browser.js beside this file.
//
// Webpack gets this CommonJS copy of the guard, and so do resolvers that ignore `exports` and
// read the `browser` field instead (webpack 4, Browserify). Importing names from an ES module whose import
// failed adds a second error to webpack's output, "export 'createServerClient' … was not found",
// which names neither the problem nor the fix; a CommonJS module's exports are not checked.
//
// What to do: in browser code, use @smartpay-kit/public-client with a public key (pk_…). If a
// secret key was ever shipped to a browser, roll it in the dashboard.
require('./@smartpay-kit/server-client-cannot-be-bundled-for-a-browser--it-needs-a-secret-key/in-browser-code-use-@smartpay-kit/public-client-with-a-pk_-key/and-roll-any-secret-key-that-reached-a-browser.js')
