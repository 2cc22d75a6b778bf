// pnpm hooks for this workspace. Only `beforePacking` (pnpm pack / pnpm publish) is used: it
// changes the package.json that goes into a tarball, never the one in the repository.

/** The export condition that points the workspace's own tools at `src/`, which is not shipped. */
const SOURCE_CONDITION = '@smartpay-kit/source'

/** A copy of an `exports` value without the source condition, every other key in its order. */
function withoutSourceCondition(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value
  const copy = {}
  for (const [key, inner] of Object.entries(value)) {
    if (key !== SOURCE_CONDITION) copy[key] = withoutSourceCondition(inner)
  }
  return copy
}

module.exports = {
  hooks: {
    beforePacking(pkg) {
      if (pkg.exports !== undefined) pkg.exports = withoutSourceCondition(pkg.exports)
      return pkg
    },
  },
}
