// The core's public entry: what the hosts (electron/desktop, electron/web, electron/cli) may use.
// Everything else in db/ is the core's inside (.dependency-cruiser.cjs, rule hosts-public-entry).
export { openCore, type Core, type CoreOptions } from './core/core';
export { CoreOpenError, DomainError } from './core/errors';
export { APP_NAME } from './core/names';
export { toShanghaiIso } from './core/time';
export { DB_FILE, openDataFolder, quickCheck, type Db } from './core/open';
export { verifyChainParallel } from './core/audit-verify';
export { acceptHistory, historyProblem, readAuditHead, writeAuditHead } from './core/audit-head';
export { autoBackup, backupBesideRunningApp, commandLineBackup, droppedText, inspectBackup, restoreBackup } from './backups/service';
export { listAdmins, resetAdmin } from './accounts/admin-reset';
export { seedDemo } from './demo/seed';
