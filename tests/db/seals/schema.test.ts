// The rules SQL states itself (0030-seals.sql), so that even a write around the core cannot break
// them, and the list queries use their indexes.
import { describe, expect, it } from 'vitest';
import { ok } from '../../helpers';
import { approved, bureau, day } from './fixture';
import { USE_ORDER, useWhere } from '../../../db/seals/queries';

describe('seal_uses in SQL', () => {
  it('no delete, identity and stamping fixed, states only forward, finalised rows read-only, text only by amendment', async () => {
    const b = await bureau();
    const db = b.core.state.db;
    const a = await approved(b, { takeOut: true, plannedOut: day(), plannedReturn: day(1) });
    const p = await ok(b.core, b.c, 'seals.request', { sealId: b.bureauSeal.id, reason: '函', documentTitle: '复函', copies: 1, applicantId: b.applicant.id });
    await ok(b.core, b.c, 'seals.void', { id: p.id, reason: '撤回' });
    const upd = (sql: string, ...args: unknown[]) => () => db.prepare(sql).run(...args);
    expect(upd('DELETE FROM seal_uses WHERE id = ?', a.id)).toThrow(/不可删除/);
    expect(upd("UPDATE seal_uses SET number = '用印〔2000〕第0001号' WHERE id = ?", a.id)).toThrow(/不可修改/);
    expect(upd('UPDATE seal_uses SET copies = 99 WHERE id = ?', a.id)).toThrow(/不可修改/);
    expect(upd("UPDATE seal_uses SET state = 'pending' WHERE id = ?", a.id)).toThrow(/状态不能这样变更/);
    expect(upd("UPDATE seal_uses SET state = 'out' WHERE id = ?", a.id)).toThrow(/状态不能这样变更/);
    expect(upd("UPDATE seal_uses SET doc_title = '另一份文件' WHERE id = ?", a.id)).toThrow(/只能通过更正/);
    expect(upd("UPDATE seal_uses SET approver_name = '别人' WHERE id = ?", a.id)).toThrow(/不可修改/);
    expect(upd("UPDATE seal_uses SET return_note = 'x' WHERE id = ?", p.id)).toThrow(/已作废/);
    // Stamping more than approved, or with no 监印人, is refused by CHECK.
    expect(upd("UPDATE seal_uses SET state = 'stamped', stamped_at = 't', stamped_count = 99, supervisor_name = '张敏' WHERE id = ?", a.id)).toThrow(/CHECK/);
    expect(upd("UPDATE seal_uses SET state = 'stamped', stamped_at = 't', stamped_count = 1 WHERE id = ?", a.id)).toThrow(/CHECK/);
    await ok(b.core, b.c, 'seals.stamp', { id: a.id, count: 1 });
    expect(upd('UPDATE seal_uses SET stamped_count = 1, supervisor_name = ? WHERE id = ?', '别人', a.id)).toThrow(/不可修改/);
    b.core.close();
  });

  it('no stamped row without an approval (except 事后补批), no blank title, no two take-outs of one seal at once', async () => {
    const b = await bureau();
    const db = b.core.state.db;
    const cols = `(year, seq, number, seal_id, entry_date, reason, doc_title, copies, applicant_name, state, emergency, emergency_reason,
                   take_out, planned_out, planned_return, stamped_at, stamped_count, supervisor_name, out_at, recorded_by_id, created_at, updated_at)`;
    const ins = db.prepare(`INSERT INTO seal_uses ${cols} VALUES (2025, ?, ?, ?, '2025-01-02', '事由', ?, 2, '赵敏', ?, ?, ?, ?, ?, ?, 't', 1, '张敏', ?, 1, 't', 't')`);
    const sid = b.bureauSeal.id;
    expect(() => ins.run(901, 'n901', sid, '文件', 'stamped', 0, null, 0, null, null, null)).toThrow(/CHECK/);
    expect(() => ins.run(902, 'n902', sid, '   ', 'stamped', 1, '紧急', 0, null, null, null)).toThrow(/CHECK/);
    expect(() => ins.run(903, 'n903', sid, '文件', 'stamped', 1, '  ', 0, null, null, null)).toThrow(/CHECK/);
    ins.run(904, 'n904', sid, '文件', 'stamped', 1, '紧急', 0, null, null, null);
    // Take-out needs its dates; two rows out for the same seal are refused by the unique index.
    expect(() => ins.run(905, 'n905', sid, '文件', 'out', 1, '紧急', 1, null, null, 't')).toThrow(/CHECK/);
    ins.run(906, 'n906', sid, '文件', 'out', 1, '紧急', 1, '2025-01-02', '2025-01-03', 't');
    expect(() => ins.run(907, 'n907', sid, '文件', 'out', 1, '紧急', 1, '2025-01-02', '2025-01-03', 't')).toThrow(/UNIQUE/);
    expect(() => ins.run(906, 'n908', sid, '文件', 'stamped', 1, '紧急', 0, null, null, null)).toThrow(/UNIQUE/);
    b.core.close();
  });
});

describe('query plans', () => {
  it('the list queries use the intended indexes', async () => {
    const b = await bureau();
    const db = b.core.state.db;
    const plan = (f: Parameters<typeof useWhere>[0], sort = '-date') => {
      const w = useWhere(f, '2025-06-01');
      return (db.prepare(`EXPLAIN QUERY PLAN SELECT u.id FROM seal_uses u ${w.sql} ORDER BY ${USE_ORDER[sort]} LIMIT 50`).all(...w.args) as { detail: string }[]).map((r) => r.detail).join(' | ');
    };
    expect(plan({})).toMatch(/seal_uses_date/);
    expect(plan({ year: 2025 })).toMatch(/seal_uses_date/);
    expect(plan({ state: 'pending' })).toMatch(/seal_uses_state/);
    expect(plan({ sealId: 1 })).toMatch(/seal_uses_seal/);
    expect(plan({ applicantId: 1 })).toMatch(/seal_uses_applicant/);
    expect(plan({ department: '办公室' })).toMatch(/seal_uses_department/);
    expect(plan({ flag: 'overdue' })).toMatch(/seal_uses_overdue|seal_uses_state/);
    expect(plan({ flag: 'emergency' })).toMatch(/seal_uses_emergency/);
    expect(plan({}, 'number')).toMatch(/seal_uses_number/);
    for (const p of [plan({}), plan({ state: 'pending' }), plan({ sealId: 1 })]) expect(p).not.toMatch(/TEMP B-TREE/);
    b.core.close();
  });
});
