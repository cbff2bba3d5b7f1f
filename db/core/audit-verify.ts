// Verifying a long audit chain on all cores. Every entry stores its predecessor's hash, so ranges of
// the log can be checked independently (each entry against its own hash, each link inside the range)
// and then stitched: a range's first link must be the previous range's last hash. Ten years of an
// office (~1 million entries) take half the time on two cores, and the main thread stays free.
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { VerifyResult } from '../contract/audit';
import { AUDIT_COLUMNS, GENESIS_HASH, verifyChain } from './audit';
import type { Db } from './open';

// Plain CommonJS so it runs the same from the sources and from the desktop bundle. The encoding is
// entryHash's (audit.ts): sha256(prev + '\n' + JSON of the 15 columns); tests/db/audit.test.ts
// checks both paths against the same tampered logs.
const WORKER = `
const { parentPort, workerData: w } = require('node:worker_threads');
const { hash } = require('node:crypto');
const Database = require(w.module);
const db = new Database(w.file, { readonly: true, fileMustExist: true, nativeBinding: w.nativeBinding });
const out = { count: 0, firstPrev: null, lastHash: null, lastSeq: w.from - 1, broken: null, hashes: {} };
const wanted = new Set(w.wanted);
try {
  const it = db.prepare('SELECT ' + w.columns + ', prev_hash, hash FROM audit_log WHERE seq BETWEEN ? AND ? ORDER BY seq').raw().iterate(w.from, w.to);
  let expect = w.from;
  let prev = null;
  for (const r of it) {
    const prevHash = r[15];
    const h = r[16];
    r.length = 15;
    const seq = r[0];
    out.count++;
    if (seq !== expect) { out.broken = { seq: expect, kind: 'missing', next: seq }; break; }
    if (prev === null) out.firstPrev = prevHash;
    else if (prevHash !== prev) { out.broken = { seq, kind: 'link' }; break; }
    if (hash('sha256', prevHash + '\\n' + JSON.stringify(r)) !== h) { out.broken = { seq, kind: 'content' }; break; }
    if (wanted.has(seq)) out.hashes[seq] = h;
    prev = h;
    out.lastSeq = seq;
    expect++;
  }
  out.lastHash = prev;
} catch (e) {
  out.error = String((e && e.message) || e);
} finally {
  db.close();
}
parentPort.postMessage(out);`;

interface RangeResult {
  count: number;
  firstPrev: string | null;
  lastHash: string | null;
  lastSeq: number;
  broken: { seq: number; kind: 'missing' | 'link' | 'content'; next?: number } | null;
  hashes: Record<string, string>;
  error?: string;
}

function runRange(o: { file: string; nativeBinding?: string; from: number; to: number; wanted: number[] }): Promise<RangeResult> {
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve, reject) => {
    const w = new Worker(WORKER, { eval: true, workerData: { ...o, module, columns: AUDIT_COLUMNS } });
    w.once('message', resolve);
    w.once('error', reject);
    w.once('exit', (code) => reject(new Error(`校验线程退出（${code}）`)));
  });
}

const PROBLEM = {
  missing: (seq: number, next?: number) => `第 ${seq} 条审计记录缺失（下一条是第 ${next} 条）`,
  link: (seq: number) => `第 ${seq} 条审计记录与前一条的链接不符（记录被删除、插入或调换）`,
  content: (seq: number) => `第 ${seq} 条审计记录的内容与其哈希不符（记录被修改）`,
};

/** Same answer as verifyChain; small logs are checked in place, long ones by workers over ranges. */
export async function verifyChainParallel(
  db: Db,
  file: string,
  checkedAt: string,
  external: { seq: number; hash: string }[] = [],
  o: { nativeBinding?: string; workers?: number; minEntries?: number; /** Tests: fail rather than fall back to the walk in place. */ strict?: boolean } = {},
): Promise<VerifyResult> {
  const max = (db.prepare('SELECT coalesce(max(seq), 0) AS n FROM audit_log').get() as { n: number }).n;
  const workers = Math.max(1, Math.min(o.workers ?? cpus().length, 8));
  if (max < (o.minEntries ?? 100_000) || workers === 1) return verifyChain(db, checkedAt, external);
  const known = [...(db.prepare('SELECT seq, hash FROM audit_checkpoints').all() as { seq: number; hash: string }[]), ...external];
  const wanted = known.map((k) => k.seq);
  const size = Math.ceil(max / workers);
  const ranges = Array.from({ length: workers }, (_, i) => ({ from: i * size + 1, to: Math.min(max, (i + 1) * size) })).filter((r) => r.from <= r.to);
  let results: RangeResult[];
  try {
    results = await Promise.all(ranges.map((r) => runRange({ file, nativeBinding: o.nativeBinding, ...r, wanted })));
  } catch (e) {
    if (o.strict) throw e;
    results = [];
  }
  // A worker that could not run (or read) leaves the answer to the walk in place, which says the same.
  if (results.length !== ranges.length || results.some((r) => r.error)) {
    if (o.strict) throw new Error(results.find((r) => r.error)?.error ?? 'worker failed');
    return verifyChain(db, checkedAt, external);
  }
  let count = 0;
  let prev = GENESIS_HASH;
  const hashes = new Map<number, string>();
  const fail = (seq: number, problem: string): VerifyResult => ({ ok: false, count, firstBrokenSeq: seq, problem, checkpoint: { seq: 0, hash: '', short: '' }, checkedAt });
  for (const [i, r] of results.entries()) {
    const range = ranges[i];
    count += r.count;
    // The range's first entry must link to where the previous range ended.
    if (r.count > 0 && r.firstPrev !== prev && !(r.broken && r.broken.seq === range.from && r.broken.kind === 'missing')) return fail(range.from, PROBLEM.link(range.from));
    if (r.broken) return fail(r.broken.seq, PROBLEM[r.broken.kind](r.broken.seq, r.broken.next));
    if (r.lastSeq < range.to) return fail(r.lastSeq + 1, PROBLEM.missing(r.lastSeq + 1, results[i + 1]?.count ? ranges[i + 1].from : undefined));
    for (const [k, v] of Object.entries(r.hashes)) hashes.set(Number(k), v);
    prev = r.lastHash ?? prev;
  }
  for (const k of known.sort((a, b) => a.seq - b.seq)) {
    if (k.seq > max) return fail(max + 1, `审计日志在第 ${max} 条之后被截断：已知检查点为第 ${k.seq} 条`);
    if (hashes.get(k.seq) !== k.hash) return fail(k.seq, `第 ${k.seq} 条审计记录与已知检查点不符`);
  }
  return { ok: true, count, firstBrokenSeq: null, problem: null, checkpoint: { seq: max, hash: prev, short: prev.slice(0, 12) }, checkedAt };
}
