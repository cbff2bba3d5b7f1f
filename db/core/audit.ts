// The audit chain: append inside the caller's transaction, verify by walking the chain.
import { hash } from 'node:crypto';
import { searchBody } from './search';
import type { Statement } from 'better-sqlite3';
import type { Db } from './open';
import { shanghaiDateOf } from './time';
import type { Checkpoint, VerifyResult } from '../contract/audit';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditRecord {
  at: string;
  userId: number | null;
  userLogin: string;
  userName: string;
  roles: string;
  workstation: string;
  action: string;
  objectType: string;
  objectId: string;
  result: 'success' | 'failure';
  errorCode: string;
  message: string;
  before: string | null;
  after: string | null;
}

type Row = [number, string, number | null, string, string, string, string, string, string, string, string, string, string, string | null, string | null];

/** The canonical encoding: a JSON array in a fixed column order, so the hash never depends on key order. */
export function entryHash(prevHash: string, row: Row): string {
  // One-shot hash of one string: the same bytes as hashing the three parts, a third faster.
  return hash('sha256', `${prevHash}\n${JSON.stringify(row)}`);
}

export const AUDIT_COLUMNS = 'seq, at, user_id, user_login, user_name, roles, workstation, action, object_type, object_id, result, error_code, message, before_json, after_json';

/** What the search index holds of an entry: who, what, which object, the message. */
const searchText = (r: { message: string; userName: string; userLogin: string; action: string; objectId: string }) => searchBody(r.message, r.userName, r.userLogin, r.action, r.objectId);

export class AuditLog {
  private readonly lastStmt;
  private readonly insertStmt;
  private indexStmts?: { index: Statement; indexed: Statement; follow: Statement };
  constructor(private readonly db: Db) {
    this.lastStmt = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    this.insertStmt = db.prepare(
      `INSERT INTO audit_log (${AUDIT_COLUMNS}, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    );
  }

  /** Prepared on first write: a database opened read-only may predate the search index. */
  private get stmts() {
    return (this.indexStmts ??= {
      index: this.db.prepare('INSERT INTO audit_fts (rowid, body) VALUES (?, ?)'),
      indexed: this.db.prepare('UPDATE audit_search_state SET last_seq = ? WHERE id = 1'),
      // Only while the index is contiguous; otherwise the next start-up's catch-up indexes this one too.
      follow: this.db.prepare('UPDATE audit_search_state SET last_seq = ? WHERE id = 1 AND last_seq = ?'),
    });
  }

  /**
   * Index the entries the search index does not hold yet (those written before it existed), in
   * batches of one transaction each. Returns how many were indexed.
   */
  indexForSearch(batch = 20_000): number {
    const state = this.db.prepare('SELECT last_seq AS n FROM audit_search_state WHERE id = 1').get() as { n: number };
    const rows = this.db.prepare('SELECT seq, message, user_name AS userName, user_login AS userLogin, action, object_id AS objectId FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?');
    let done = 0;
    let last = state.n;
    for (;;) {
      const chunk = rows.all(last, batch) as { seq: number; message: string; userName: string; userLogin: string; action: string; objectId: string }[];
      if (!chunk.length) return done;
      this.db.transaction(() => {
        for (const r of chunk) this.stmts.index.run(r.seq, searchText(r));
        last = chunk[chunk.length - 1].seq;
        this.stmts.indexed.run(last);
      })();
      done += chunk.length;
    }
  }

  /** Append one entry. Must run inside the transaction of the change it records. */
  append(r: AuditRecord): Checkpoint {
    const last = this.lastStmt.get() as { seq: number; hash: string } | undefined;
    const seq = (last?.seq ?? 0) + 1;
    const prev = last?.hash ?? GENESIS_HASH;
    const row: Row = [seq, r.at, r.userId, r.userLogin, r.userName, r.roles, r.workstation, r.action, r.objectType, r.objectId, r.result, r.errorCode, r.message, r.before, r.after];
    const hash = entryHash(prev, row);
    this.insertStmt.run(...row, prev, hash);
    if (this.stmts.follow.run(seq, seq - 1).changes === 1) this.stmts.index.run(seq, searchText(r));
    return { seq, hash, short: hash.slice(0, 12) };
  }

  checkpoint(): Checkpoint {
    const last = this.lastStmt.get() as { seq: number; hash: string } | undefined;
    const hash = last?.hash ?? GENESIS_HASH;
    return { seq: last?.seq ?? 0, hash, short: hash.slice(0, 12) };
  }

  /** Remember a checkpoint shown to the outside (print, backup, verify) so a removed tail is detected later. */
  recordCheckpoint(reason: string, at: string): Checkpoint {
    const cp = this.checkpoint();
    if (cp.seq > 0) this.db.prepare('INSERT INTO audit_checkpoints (seq, hash, at, reason) VALUES (?,?,?,?)').run(cp.seq, cp.hash, at, reason);
    return cp;
  }
}

/**
 * Walk the whole chain. Reports the first broken sequence number: an edited field, a removed or
 * inserted row, swapped rows; and a removed tail against every checkpoint known (stored ones plus
 * any given from outside, e.g. a backup manifest or a printed footer).
 */
export function verifyChain(db: Db, checkedAt: string, external: { seq: number; hash: string }[] = []): VerifyResult {
  const it = db.prepare(`SELECT ${AUDIT_COLUMNS}, prev_hash, hash FROM audit_log ORDER BY seq`).raw().iterate() as IterableIterator<unknown[]>;
  let prev = GENESIS_HASH;
  let expectSeq = 1;
  let count = 0;
  const hashes = new Map<number, string>();
  const known = [
    ...(db.prepare('SELECT seq, hash FROM audit_checkpoints').all() as { seq: number; hash: string }[]),
    ...external,
  ];
  const wanted = new Set(known.map((k) => k.seq));
  const fail = (seq: number, problem: string): VerifyResult => ({
    ok: false,
    count,
    firstBrokenSeq: seq,
    problem,
    checkpoint: { seq: 0, hash: '', short: '' },
    checkedAt,
  });
  for (const r of it) {
    const prevHash = r[15] as string;
    const hash = r[16] as string;
    r.length = 15; // the row itself, without its two hashes
    const row = r as Row;
    const [seq] = row;
    count++;
    if (seq !== expectSeq) {
      (it as unknown as { return?: () => void }).return?.();
      return fail(expectSeq, `第 ${expectSeq} 条审计记录缺失（下一条是第 ${seq} 条）`);
    }
    if (prevHash !== prev) {
      (it as unknown as { return?: () => void }).return?.();
      return fail(seq, `第 ${seq} 条审计记录与前一条的链接不符（记录被删除、插入或调换）`);
    }
    if (entryHash(prev, row) !== hash) {
      (it as unknown as { return?: () => void }).return?.();
      return fail(seq, `第 ${seq} 条审计记录的内容与其哈希不符（记录被修改）`);
    }
    if (wanted.has(seq)) hashes.set(seq, hash);
    prev = hash;
    expectSeq++;
  }
  const lastSeq = expectSeq - 1;
  for (const k of known.sort((a, b) => a.seq - b.seq)) {
    if (k.seq > lastSeq) {
      return fail(lastSeq + 1, `审计日志在第 ${lastSeq} 条之后被截断：已知检查点为第 ${k.seq} 条`);
    }
    if (hashes.get(k.seq) !== k.hash) {
      return fail(k.seq, `第 ${k.seq} 条审计记录与已知检查点不符`);
    }
  }
  return { ok: true, count, firstBrokenSeq: null, problem: null, checkpoint: { seq: lastSeq, hash: prev, short: prev.slice(0, 12) }, checkedAt };
}

/**
 * The Shanghai day this data folder began its record (its first audit entry), or null before any.
 * Paper-era imports are judged against it: what happened before it could only have been on paper.
 */
export function recordBeganOn(db: Db): string | null {
  const at = db.prepare('SELECT at FROM audit_log ORDER BY seq LIMIT 1').pluck().get() as string | undefined;
  return at ? shanghaiDateOf(at) : null;
}
