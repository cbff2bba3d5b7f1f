// Numbered SQL migrations, all pending ones in one transaction, recorded in user_version.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APPLICATION_ID, type Db } from './open';
import { CoreOpenError } from './errors';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const defaultMigrationsDir = () => fileURLToPath(new URL('../migrations/', import.meta.url));

export function loadMigrations(dir: string): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}-[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f, sql: readFileSync(join(dir, f), 'utf8') }));
}

/** The first line of a migration that rebuilds a table: `-- rebuilds-tables` */
const REBUILD_MARK = /^-- rebuilds-tables\b/;

export const latestVersion = (list: Migration[]) => (list.length ? list[list.length - 1].version : 0);

export function newerMessage(found: number, supported: number) {
  return `此数据由更新版本的办公室台账创建（数据版本 ${found}，本程序只支持到 ${supported}）。为避免损坏数据，已拒绝打开，请安装新版本后再试。`;
}

/**
 * Bring the schema up to date. A copy of the database is taken first when there is anything to
 * migrate in an existing database; a failure anywhere rolls every pending step back.
 */
export function migrate(db: Db, list: Migration[], backupDir: string, stamp: string): { from: number; to: number; copy: string | null } {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = latestVersion(list);
  if (current > latest) throw new CoreOpenError('newer', newerMessage(current, latest));
  const pending = list.filter((m) => m.version > current);
  if (!pending.length) return { from: current, to: current, copy: null };
  let copy: string | null = null;
  if (current > 0) {
    mkdirSync(backupDir, { recursive: true });
    copy = join(backupDir, `pre-migration-v${current}-${stamp}.sqlite`);
    // VACUUM INTO gives a consistent, self-contained copy synchronously.
    db.prepare('VACUUM INTO ?').run(copy);
  }
  // A migration that rebuilds a table (SQLite cannot change a CHECK in place) says so; the foreign
  // keys are then off for the step, as SQLite's documented procedure requires, and checked before commit.
  const rebuilds = pending.some((m) => REBUILD_MARK.test(m.sql));
  if (rebuilds) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const m of pending) {
        db.exec(m.sql);
        db.pragma(`user_version = ${m.version}`);
      }
      if (rebuilds) {
        const broken = db.pragma('foreign_key_check') as { table: string }[];
        if (broken.length) throw new Error(`外键检查未通过（${broken[0].table} 等 ${broken.length} 处）`);
      }
      db.pragma(`application_id = ${APPLICATION_ID}`);
    }).immediate();
  } catch (e) {
    throw new CoreOpenError('migration', `数据库升级失败（${(e as Error).message}），数据保持原样未改动。${copy ? `升级前的副本：${copy}` : ''}`);
  } finally {
    if (rebuilds) db.pragma('foreign_keys = ON');
  }
  return { from: current, to: latestVersion(pending), copy };
}
