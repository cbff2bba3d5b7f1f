import { existsSync } from 'node:fs';
import type { Ctx, PartialHandlers } from '../core/context';
import { tableCounts } from '../core/backup';
import { currentJob, droppedText, inspectBackup, makeBackup, manualDir, recordBackup, restoreBackup, backupRoot, type MadeBackup } from './service';

type Keys = 'backups.list' | 'backups.status' | 'backups.create' | 'backups.inspect' | 'backups.restore' | 'backups.progress';

const STALE_DAYS = 7;

export const backupsHandlers: PartialHandlers<Keys> = {
  'backups.list': (ctx, input) => {
    const total = (ctx.db.prepare('SELECT count(*) AS n FROM backups').get() as { n: number }).n;
    const rows = ctx.db
      .prepare('SELECT id, kind, reason, path, created_at AS createdAt, bytes, encrypted, status, error FROM backups ORDER BY id DESC LIMIT ? OFFSET ?')
      .all(input.pageSize, (input.page - 1) * input.pageSize) as { id: number; kind: 'auto'; reason: string; path: string; createdAt: string; bytes: number; encrypted: number; status: 'ok'; error: string }[];
    return { rows: rows.map((r) => ({ ...r, encrypted: !!r.encrypted, exists: r.status === 'ok' && existsSync(r.path) })), total };
  },

  'backups.status': (ctx) => {
    const lastOk = ctx.db.prepare("SELECT created_at AS at, path, kind FROM backups WHERE status IN ('ok','pruned') AND kind <> 'safety' ORDER BY created_at DESC LIMIT 1").get() as { at: string; path: string; kind: string } | undefined;
    const lastAuto = ctx.db.prepare("SELECT created_at AS at, status, error FROM backups WHERE kind = 'auto' AND status <> 'pruned' ORDER BY id DESC LIMIT 1").get() as { at: string; status: string; error: string } | undefined;
    const lastAutoFailed = lastAuto && lastAuto.status === 'failed' ? { at: lastAuto.at, error: lastAuto.error } : null;
    let warning: string | null = null;
    const ageDays = lastOk ? (ctx.now.getTime() - Date.parse(lastOk.at)) / 86_400_000 : Infinity;
    if (!lastOk) warning = '还没有任何备份。请立即备份，并把备份拷贝到 U 盘等其他位置保存。';
    else if (ageDays > STALE_DAYS) warning = `最近一次备份已是 ${Math.floor(ageDays)} 天前，请立即备份。`;
    if (lastAutoFailed) warning = `最近一次自动备份失败：${lastAutoFailed.error}${warning ? `；${warning}` : ''}`;
    return { lastOk: lastOk ?? null, lastAutoFailed, warning, backupDir: backupRoot(ctx.core) };
  },

  'backups.create': {
    prepare: (pc, input) => makeBackup(pc.core, { dir: input.destDir || manualDir(pc.core), label: '手动', passphrase: input.passphrase }),
    run: (ctx: Ctx<MadeBackup>) => {
      recordBackup(ctx.core, 'manual', ctx.prepared.path, ctx.prepared);
      ctx.note({ objectType: 'backup', objectId: ctx.prepared.path, after: { path: ctx.prepared.path, counts: ctx.prepared.manifest.counts, encrypted: ctx.prepared.manifest.encrypted }, message: `备份到 ${ctx.prepared.path}` });
      return { path: ctx.prepared.path, manifest: ctx.prepared.manifest };
    },
  },

  'backups.inspect': {
    prepare: (pc, input) => inspectBackup(pc.core, input.path, input.passphrase),
    run: (ctx: Ctx<Awaited<ReturnType<typeof inspectBackup>>>, input) => {
      // It reads any file the administrator names: on the record, with what it found.
      ctx.note({ objectType: 'backup', objectId: input.path, message: `查看备份文件：${input.path}（备份时间 ${ctx.prepared.manifest.createdAt}${ctx.prepared.canRestore ? '' : `，不能恢复：${ctx.prepared.problem}`}）` });
      return ctx.prepared;
    },
  },

  'backups.restore': {
    prepare: (pc, input) => restoreBackup(pc.core, input.path, input.passphrase),
    run: (ctx: Ctx<Awaited<ReturnType<typeof restoreBackup>>>) => {
      // This runs on the restored database: the restore is the first thing its audit trail records.
      const counts = tableCounts(ctx.db);
      const p = ctx.prepared;
      ctx.note({
        objectType: 'backup',
        objectId: p.restoredFrom,
        after: { restoredFrom: p.restoredFrom, backupCreatedAt: p.manifest.createdAt, safetyCopy: p.safetyCopy, dropped: p.dropped },
        message: `从备份恢复：${p.restoredFrom}（备份时间 ${p.manifest.createdAt}），恢复前数据已保存到 ${p.safetyCopy}；${droppedText(p.dropped, p.safetyCopy)}`,
      });
      return { ...ctx.prepared, counts };
    },
  },

  'backups.progress': (ctx) => {
    const j = currentJob(ctx.core);
    return j ? { running: true, ...j } : { running: false, job: '', phase: '', percent: 0 };
  },
};
