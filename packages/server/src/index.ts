// Public API of @jixiao/server.
export { startServer, dataDirInUseBy, DEFAULT_DATA_DIR, type StartServerOptions, type RunningServer } from './start-server.js';
export { openDatabase, type Database, type OpenDatabaseOptions, type DatabaseKind } from './db/database.js';
export { migrateToLatest } from './db/migrate.js';
export { createApp, SECURITY_HEADERS } from './http/app.js';
export { backupDatabase, type Backup } from './backup/backup-database.js';
export { restoreDatabase } from './backup/restore-database.js';
export { loadDemoRegion, DEMO_PASSWORD, formatDemoAccounts } from './seed/load-demo-region.js';
export type { AppContext } from './context.js';
export * from './workflow/state-machine.js';
export type { Actor } from './workflow/access.js';
export { AUDIT_EVENTS, type AuditEvent } from './audit-events.js';
