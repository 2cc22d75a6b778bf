// At run time: the built checkout route answers one request. Prints where it redirects, or the
// error it threw (name, rule and message).
import { pathToFileURL } from 'node:url'

const routes = await import(pathToFileURL('dist/server/server.js').href)
try {
  const response = await routes.checkout.POST()
  console.log(
    JSON.stringify({ status: response.status, location: response.headers.get('location') }),
  )
} catch (error) {
  console.log(JSON.stringify({ error: error.name, rule: error.rule, message: error.message }))
}
