// Backups (SECURITY.md "Backups"): the online backup API, never a copy of the live file; one
// self-contained file with a manifest; optional AES-256-GCM with a scrypt-derived key; written under
// a temporary name and renamed when complete, so a half file never looks like a backup.
//
// File layout
//   plain:     "OREGBAK1" | u32 manifest length | manifest JSON (UTF-8) | SQLite database bytes
//   encrypted: "OREGBAKE" | salt(16) | iv(12) | AES-256-GCM(plain layout) | tag(16)
import Database from 'better-sqlite3';
import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt as scryptCb } from 'node:crypto';
import { chmodSync, closeSync, createReadStream, createWriteStream, existsSync, fsyncSync, mkdirSync, openSync, readSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { APPLICATION_ID, type Db } from './open';
import { checkInBackground } from './sqlite-checks';
import { DomainError } from './errors';

export const BACKUP_EXT = '.otbak';
const MAGIC_PLAIN = Buffer.from('OREGBAK1');
const MAGIC_ENC = Buffer.from('OREGBAKE');
const FORMAT = 1;

export interface BackupManifest {
  format: number;
  app: string;
  appVersion: string;
  schemaVersion: number;
  createdAt: string;
  workstation: string;
  unitName: string;
  counts: Record<string, number>;
  sha256: string;
  databaseBytes: number;
  auditCheckpoint: { seq: number; hash: string };
  encrypted: boolean;
}

export interface BackupProgress {
  phase: 'copy' | 'check' | 'write' | 'verify' | 'done';
  percent: number;
}

const scryptKey = (passphrase: string, salt: Buffer) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(passphrase.normalize('NFC'), salt, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 300 * 1024 * 1024 }, (e, k) => (e ? reject(e) : resolve(k))),
  );

function fsyncPath(p: string) {
  try {
    const fd = openSync(p, 'r');
    fsyncSync(fd);
    closeSync(fd);
  } catch {
    /* directories cannot be fsynced on every platform */
  }
}

/** Row counts of every table: shown before a restore and compared after. */
export function tableCounts(db: Db): Record<string, number> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name").all() as { name: string }[];
  return Object.fromEntries(tables.map((t) => [t.name, (db.prepare(`SELECT count(*) AS n FROM "${t.name}"`).get() as { n: number }).n]));
}

async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  await pipeline(createReadStream(path), new Transform({ transform: (c, _e, cb) => (h.update(c), cb()) }));
  return h.digest('hex');
}

export interface CreateBackupOptions {
  db: Db;
  outFile: string;
  manifest: Omit<BackupManifest, 'format' | 'counts' | 'sha256' | 'databaseBytes' | 'encrypted'>;
  passphrase?: string;
  onProgress?: (p: BackupProgress) => void;
  /** Tests: called between steps to simulate a vanished target or a crash. */
  fault?: (step: string) => void;
  /** The Electron-ABI better-sqlite3 build, for the worker that checks the copy. */
  nativeBinding?: string;
  /**
   * The private folder (privateWorkDir of the data folder) for the plain copy that is checked and then
   * written out: it never touches the target (a USB drive), where only the finished file arrives.
   */
  workDir: string;
}

/** The data folder's private work folder (owner only): backup copies and restore extracts live there. */
export const PRIVATE_WORK_DIR = 'private-work';
export function privateWorkDir(dataDir: string): string {
  const dir = join(dataDir, PRIVATE_WORK_DIR);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  return dir;
}

/** Leftovers of a backup or restore cut short (a crash, a power cut): removed at start. */
export function clearPrivateWork(dataDir: string) {
  const dir = join(dataDir, PRIVATE_WORK_DIR);
  if (!existsSync(dir)) return;
  for (const f of readdirSync(dir)) rmSync(join(dir, f), { force: true, recursive: true });
}

/** Make one backup file. Returns its manifest. Nothing named `outFile` exists unless it is complete. */
export async function createBackup(o: CreateBackupOptions): Promise<BackupManifest> {
  const progress = o.onProgress ?? (() => {});
  const dir = dirname(o.outFile);
  mkdirSync(dir, { recursive: true });
  const stamp = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const tmpDb = join(o.workDir, `.backup-${stamp}.sqlite`);
  const partial = `${o.outFile}.partial-${stamp}`;
  try {
    progress({ phase: 'copy', percent: 0 });
    await o.db.backup(tmpDb, {
      progress: ({ totalPages, remainingPages }) => {
        progress({ phase: 'copy', percent: totalPages ? Math.round(((totalPages - remainingPages) / totalPages) * 80) : 0 });
        return 2000; // pages per step: ~8 MB, a few ms of the event loop each
      },
    });
    o.fault?.('copied');
    progress({ phase: 'check', percent: 80 });
    const copy = new Database(tmpDb);
    let counts: Record<string, number>;
    try {
      // A self-contained single file: no -wal beside it.
      copy.pragma('journal_mode = DELETE');
      counts = tableCounts(copy);
    } finally {
      copy.close();
    }
    // The integrity check (the slowest step) runs in a worker while the checksum is taken and the
    // file written; the file keeps its temporary name unless the check says ok.
    const integrityCheck = checkInBackground(tmpDb, 'integrity_check', o.nativeBinding);
    const written = (async () => {
      const sha256 = await sha256File(tmpDb);
      const databaseBytes = statSync(tmpDb).size;
      const manifest: BackupManifest = { format: FORMAT, ...o.manifest, counts, sha256, databaseBytes, encrypted: !!o.passphrase };
      progress({ phase: 'write', percent: 85 });
      const json = Buffer.from(JSON.stringify(manifest), 'utf8');
      const len = Buffer.alloc(4);
      len.writeUInt32BE(json.length);
      const header = Buffer.concat([MAGIC_PLAIN, len, json]);
      const out = createWriteStream(partial, { mode: 0o600 });
      if (o.passphrase) {
        const salt = randomBytes(16);
        const iv = randomBytes(12);
        const key = await scryptKey(o.passphrase, salt);
        const cipher = createCipheriv('aes-256-gcm', key, iv);
        out.write(Buffer.concat([MAGIC_ENC, salt, iv]));
        out.write(cipher.update(header));
        await pipeline(
          createReadStream(tmpDb),
          new Transform({
            transform: (c, _e, cb) => cb(null, cipher.update(c)),
            flush: (cb) => cb(null, Buffer.concat([cipher.final(), cipher.getAuthTag()])),
          }),
          out,
        );
      } else {
        out.write(header);
        await pipeline(createReadStream(tmpDb), out);
      }
      return manifest;
    })();
    // Both settle before anything is decided, so a failed write never leaves the worker running.
    const [integrity, writing] = await Promise.allSettled([integrityCheck, written]);
    if (writing.status === 'rejected') throw writing.reason;
    const manifest = writing.value;
    const result = integrity.status === 'fulfilled' ? integrity.value : String(integrity.reason);
    if (result !== 'ok') throw new DomainError('storage', `备份副本完整性检查未通过：${result}`);
    o.fault?.('written');
    const fd = openSync(partial, 'r');
    fsyncSync(fd);
    closeSync(fd);
    progress({ phase: 'verify', percent: 95 });
    renameSync(partial, o.outFile);
    fsyncPath(dir);
    progress({ phase: 'done', percent: 100 });
    return manifest;
  } catch (e) {
    rmSync(partial, { force: true });
    if (e instanceof DomainError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (!existsSync(dir)) throw new DomainError('storage', `备份位置已不存在：${dir}。请检查 U 盘或网络文件夹是否仍然连接，备份未完成，未留下不完整的文件。`);
    if (code === 'ENOSPC') throw new DomainError('storage', '目标磁盘空间不足，备份未完成，未留下不完整的文件。');
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new DomainError('storage', `无法写入备份位置（${code}）：${dir}。请检查 U 盘或网络文件夹是否仍然连接。`);
    throw e;
  } finally {
    rmSync(tmpDb, { force: true });
    rmSync(`${tmpDb}-journal`, { force: true });
  }
}

export interface OpenedBackup {
  manifest: BackupManifest;
  /** Path of the extracted SQLite database (a temp file the caller removes). */
  dbFile: string;
}

const NOT_OURS = '这不是办公室台账的备份文件。';

function readHeader(file: string, len: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(len);
    const n = readSync(fd, buf, 0, len, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

export function isEncryptedBackup(file: string): boolean {
  return readHeader(file, 8).equals(MAGIC_ENC);
}

/**
 * Verify a backup file and extract its database to `workDir`: ours, not truncated, passphrase
 * right, checksum matching, integrity ok, application id ours. Schema age is the caller's check.
 */
export async function openBackup(file: string, workDir: string, passphrase?: string): Promise<OpenedBackup> {
  if (!existsSync(file)) throw new DomainError('not_found', `找不到备份文件：${file}`, 'path');
  const magic = readHeader(file, 8);
  mkdirSync(workDir, { recursive: true });
  const stamp = randomBytes(4).toString('hex');
  let plainFile = file;
  const cleanup: string[] = [];
  try {
    if (magic.equals(MAGIC_ENC)) {
      if (!passphrase) throw new DomainError('rule', '此备份已加密，请输入备份口令。', 'passphrase');
      const size = statSync(file).size;
      if (size < 8 + 16 + 12 + 16) throw new DomainError('rule', '备份文件不完整（可能被截断）。');
      const head = readHeader(file, 36);
      const key = await scryptKey(passphrase, head.subarray(8, 24));
      const iv = head.subarray(24, 36);
      const tagBuf = Buffer.alloc(16);
      const fd = openSync(file, 'r');
      readSync(fd, tagBuf, 0, 16, size - 16);
      closeSync(fd);
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(tagBuf);
      plainFile = join(workDir, `.restore-${stamp}.plain`);
      cleanup.push(plainFile);
      try {
        await pipeline(createReadStream(file, { start: 36, end: size - 17 }), decipher, createWriteStream(plainFile, { mode: 0o600 }));
      } catch {
        throw new DomainError('rule', '备份口令不正确，或备份文件已损坏。', 'passphrase');
      }
    } else if (!magic.equals(MAGIC_PLAIN)) {
      throw new DomainError('rule', NOT_OURS);
    }
    const pre = readHeader(plainFile, 12);
    if (pre.length < 12) throw new DomainError('rule', '备份文件不完整（可能被截断）。');
    const jsonLen = pre.readUInt32BE(8);
    if (jsonLen > 10 * 1024 * 1024) throw new DomainError('rule', NOT_OURS);
    let manifest: BackupManifest;
    try {
      manifest = JSON.parse(readHeader(plainFile, 12 + jsonLen).subarray(12).toString('utf8'));
    } catch {
      throw new DomainError('rule', '备份文件的清单已损坏。');
    }
    if (manifest.format !== FORMAT || typeof manifest.sha256 !== 'string') throw new DomainError('rule', NOT_OURS);
    const dbFile = join(workDir, `.restore-${stamp}.sqlite`);
    await pipeline(createReadStream(plainFile, { start: 12 + jsonLen }), createWriteStream(dbFile, { mode: 0o600 }));
    const size = statSync(dbFile).size;
    if (size !== manifest.databaseBytes) {
      rmSync(dbFile, { force: true });
      throw new DomainError('rule', `备份文件不完整（应有 ${manifest.databaseBytes} 字节数据，实有 ${size} 字节），可能被截断。`);
    }
    if ((await sha256File(dbFile)) !== manifest.sha256) {
      rmSync(dbFile, { force: true });
      throw new DomainError('rule', '备份文件校验和不符：文件已损坏或被改动。');
    }
    try {
      const check = new Database(dbFile, { readonly: true, fileMustExist: true });
      try {
        if (check.pragma('application_id', { simple: true }) !== APPLICATION_ID) throw new DomainError('rule', NOT_OURS);
        const integrity = (check.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
        if (integrity !== 'ok') throw new DomainError('rule', `备份中的数据完整性检查未通过：${integrity.slice(0, 200)}`);
      } finally {
        check.close();
      }
    } catch (e) {
      rmSync(dbFile, { force: true });
      if (e instanceof DomainError) throw e;
      throw new DomainError('rule', `备份中的数据无法读取：${(e as Error).message}`);
    }
    return { manifest, dbFile };
  } finally {
    for (const f of cleanup) rmSync(f, { force: true });
  }
}

