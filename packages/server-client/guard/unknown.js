// @smartpay-kit/server-client was resolved with neither a server nor a browser condition.
//
// Node, Deno, Bun, Cloudflare Workers (workerd) and Vercel Edge (edge-light) each set an
// export condition that gets the real build, and browsers get guard/browser.js. A bundler that
// sets none of them lands here: Rollup's nodeResolve() by default, esbuild with
// --platform=neutral, Rolldown with platform: 'neutral'. It might be bundling for a browser, so it gets no secret-key client:
// the import below names a file that does not exist, and the path is the message.
//
// What to do: for a server bundle, add the `node` condition (Rollup:
// nodeResolve({ exportConditions: ['node'] }); esbuild: --platform=node or --conditions=node;
// Rolldown: platform: 'node').
// For a browser bundle, use @smartpay-kit/public-client with a public key (pk_…) instead, and
// tell the bundler it builds for a browser (Rollup: nodeResolve({ browser: true })).
import './@smartpay-kit/server-client-needs-the-node-export-condition-for-a-server-bundle--rollup-nodeResolve-exportConditions-node--esbuild-platform-node--rolldown-platform-node/in-browser-code-use-@smartpay-kit/public-client-with-a-pk_-key-instead.js'
