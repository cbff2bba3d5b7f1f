import type { Ctx, PartialHandlers } from '../core/context';
import { verifyChainParallel } from '../core/audit-verify';
import { toShanghaiIso, shanghaiDate } from '../core/time';
import { DomainError } from '../core/errors';
import { workbookBuffer } from '../core/xlsx';
import { readAuditHead } from '../core/audit-head';
import type { AuditEntry } from '../contract/audit';
import { auditEntry, auditForObject, iterateAudit, listAudit } from './queries';

type Keys = 'audit.list' | 'audit.get' | 'audit.verify' | 'audit.checkpoint' | 'audit.forObject' | 'audit.export';

const RESULT = { success: '成功', failure: '失败' } as const;
const MAX_EXPORT_ROWS = 200_000;

export const auditHandlers: PartialHandlers<Keys> = {
  'audit.list': (ctx, input) => {
    const { page, pageSize, ...filter } = input;
    ctx.note({ objectType: 'audit', message: `查阅审计日志 ${JSON.stringify(filter)}` });
    return listAudit(ctx.db, filter, page, pageSize);
  },
  'audit.get': (ctx, input) => {
    const e = auditEntry(ctx.db, input.seq);
    if (!e) throw new DomainError('not_found', `第 ${input.seq} 条审计记录不存在`);
    ctx.note({ objectType: 'audit', objectId: input.seq, message: '查看审计条目' });
    return e;
  },
  'audit.verify': {
    // Off the transaction and on all cores: ten years of entries take seconds.
    prepare: (pc) => {
      const head = readAuditHead(pc.core.dataDir);
      return verifyChainParallel(pc.db, pc.core.databaseFile, toShanghaiIso(pc.now), head ? [head] : [], { nativeBinding: pc.core.nativeBinding });
    },
    run: (ctx) => {
      const r = ctx.prepared;
      ctx.note({ objectType: 'audit', message: r.ok ? `审计链校验通过，共 ${r.count} 条` : `审计链校验失败：${r.problem}` });
      if (r.ok) ctx.core.audit.recordCheckpoint('verify', ctx.nowIso);
      return r;
    },
  },
  'audit.checkpoint': (ctx) => ctx.core.audit.checkpoint(),
  'audit.forObject': (ctx, input) => auditForObject(ctx.db, input.objectType, input.objectId),
  'audit.export': {
    prepare: async (pc, input) => {
      const rows: AuditEntry[] = [];
      for (const r of iterateAudit(pc.db, input)) {
        if (rows.length >= MAX_EXPORT_ROWS) throw new DomainError('rule', `筛选结果超过 ${MAX_EXPORT_ROWS} 条，请缩小日期范围后分批导出。`);
        rows.push(r);
      }
      const buf = await workbookBuffer<AuditEntry>('审计日志', `${pc.core.settings().unitName}审计日志`, [
        { title: '序号', width: 8, value: (r) => r.seq, kind: 'int' },
        { title: '时间', width: 20, value: (r) => r.at, kind: 'datetime' },
        { title: '用户', width: 12, value: (r) => r.userName || r.userLogin },
        { title: '登录名', width: 12, value: (r) => r.userLogin },
        { title: '角色', width: 14, value: (r) => r.roles },
        { title: '工作站', width: 14, value: (r) => r.workstation },
        { title: '操作', width: 24, value: (r) => r.action },
        { title: '对象', width: 14, value: (r) => r.objectType },
        { title: '对象编号', width: 10, value: (r) => r.objectId },
        { title: '结果', width: 8, value: (r) => RESULT[r.result] },
        { title: '说明', width: 40, value: (r) => r.message },
        { title: '修改前', width: 40, value: (r) => r.before },
        { title: '修改后', width: 40, value: (r) => r.after },
        { title: '哈希', width: 20, value: (r) => r.hash.slice(0, 16) },
      ], rows);
      return { buf, rows: rows.length };
    },
    run: (ctx: Ctx<{ buf: Buffer; rows: number }>, input) => {
      ctx.note({ objectType: 'audit', message: `导出审计日志 ${ctx.prepared.rows} 条 ${JSON.stringify(input)}` });
      return { fileName: `审计日志-${shanghaiDate(ctx.now)}.xlsx`, base64: ctx.prepared.buf.toString('base64'), rows: ctx.prepared.rows };
    },
  },
};
