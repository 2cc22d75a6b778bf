// @smartpay-kit/server-client cannot be bundled for a browser.
//
// It holds a secret key, which may do anything on your Smartpay account, and anything a page or
// a shopper's web worker loads, its visitors can read. Bundlers building for a browser (Vite,
// esbuild, Rollup with `browser: true`, webpack; web workers included) resolve this package
// here, and the import below names a file that does not exist: the bundler's "could not
// resolve" error shows the path, and the path is the message. (`"browser": null` in `exports`
// does not work: Vite falls through to the server build. Webpack gets guard/webpack.cjs, the
// same import as a require(), so that it reports only this error.)
//
// What to do: in browser code, use @smartpay-kit/public-client with a public key (pk_…). If a
// secret key was ever shipped to a browser, roll it in the dashboard.
import './@smartpay-kit/server-client-cannot-be-bundled-for-a-browser--it-needs-a-secret-key/in-browser-code-use-@smartpay-kit/public-client-with-a-pk_-key/and-roll-any-secret-key-that-reached-a-browser.js'
