/**
 * @smartpay-kit/migrate — a codemod from `@smartpay/sdk-node` to `@smartpay-kit/server-client`.
 * The `smartpay-migrate` bin is what most users want; this entry is the same engine, for tools.
 * @packageDocumentation
 */

export type { Finding } from './FileMigration.js'
export {
  type FileReport,
  formatFinding,
  type MigrateFilesOptions,
  type Migration,
  migrateFiles,
  sourceFiles,
} from './migrateFiles.js'
export { migrateSource, type SourceContext, type SourceMigration } from './migrateSource.js'
