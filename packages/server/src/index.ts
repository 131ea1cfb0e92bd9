// Public API of @jixiao/server.
export { startServer, dataDirInUseBy, isLoopback, DEFAULT_DATA_DIR, type StartServerOptions, type RunningServer } from './start-server.js';
export { startCluster, workersFrom, type RunningCluster } from './start-cluster.js';
export { optionsFromEnv } from './options-from-env.js';
export { openDatabase, type Database, type OpenDatabaseOptions, type DatabaseKind } from './db/database.js';
export { migrateToLatest } from './db/migrate.js';
export { createApp, SECURITY_HEADERS } from './http/app.js';
export { backupDatabase, parseBackup, serialiseBackup, writeBackupFile, type Backup } from './backup/backup-database.js';
export { restoreDatabase } from './backup/restore-database.js';
export { verifyBackup, type BackupVerification } from './backup/verify-backup.js';
export { verifyAuditLog } from './use-cases/verify-audit-log.js';
export { DEFAULT_SECURITY_POLICY, securityPolicyFromEnv, type SecurityPolicy } from './security-policy.js';
export { loadDemoRegion, DEMO_PASSWORD, formatDemoAccounts } from './seed/load-demo-region.js';
export type { AppContext } from './context.js';
export * from './workflow/state-machine.js';
export type { Actor } from './workflow/access.js';
export { AUDIT_EVENTS, type AuditEvent } from './audit-events.js';
