// @smartpay-kit/server-client cannot be bundled for a browser.
//
// This package holds a secret key, which may do anything on your Smartpay account; anything a
// page holds, its visitors can read. Bundlers building for the browser (Vite and esbuild client
// builds, and any bundler honouring the `browser` export condition) resolve this package to this
// file, and the import below names a file that does not exist, so the build fails with an error
// naming it: the file name is the message. (`"browser": null` in `exports` does not work: Vite
// falls through to the server build.) Edge runtimes also set `browser`, but match `workerd`,
// `worker` or `edge-light` first and get the real build.
//
// What to do: in browser code, use @smartpay-kit/public-client with a public key (pk_…). If a
// secret key was ever shipped to a browser, roll it in the dashboard.
import './server-client-cannot-be-bundled-for-the-browser--use-@smartpay-kit-public-client-instead-and-roll-the-secret-key.js'
