// Schema 100 rebuilds seal_uses (SQLite cannot change a CHECK in place) to allow 补录 paper entries:
// a folder written by the version before keeps every entry, its amendments and its guards.
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../../db/core/core';
import { defaultMigrationsDir } from '../../../db/core/migrate';
import { tempDir } from '../../helpers';
import { bureau } from './fixture';

describe('upgrading a folder to the 补录 schema', () => {
  it('keeps every seal use, its amendments and its guards, with the foreign keys intact', async () => {
    const before = tempDir('migr-');
    for (const f of readdirSync(defaultMigrationsDir()).filter((f) => f < '0100')) copyFileSync(join(defaultMigrationsDir(), f), join(before, f));
    const b = await bureau({ migrationsDir: before });
    const dir = b.core.state.dataDir;
    expect(b.core.state.db.pragma('user_version', { simple: true })).toBe(90);
    // The entries are written as the version before wrote them (its handlers are not this version's).
    const db0 = b.core.state.db;
    const at = '2026-03-02T09:00:00.000+08:00';
    const use = db0.prepare(
      `INSERT INTO seal_uses (year, seq, number, seal_id, entry_date, reason, doc_title, copies, applicant_id, applicant_name, department, take_out, planned_out, planned_return,
         state, emergency, emergency_reason, phone_approver_id, phone_approver_name, approval_decision, approval_mode, approver_id, approver_name, approved_at,
         stamped_at, stamped_count, supervisor_name, out_at, returned_at, return_confirmed_name, void_reason, voided_at, voided_by_id, recorded_by_id, created_at, updated_at)
       VALUES (2026, ?, ?, ?, '2026-03-02', '报送材料', ?, 5, ?, '赵敏', '法律援助中心', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const ap = b.applicant.id;
    const rec = b.clerk.id;
    const a = { id: Number(use.run(1, '用印〔2026〕第0001号', b.bureauSeal.id, '年度总结', ap, 1, '2026-03-02', '2026-03-03', 'returned', 0, null, null, null, 'approved', 'cosign', b.chief.id, '王志强', at, at, 3, '张敏', at, '2026-03-03T10:00:00.000+08:00', '张敏', null, null, null, rec, at, at).lastInsertRowid) };
    use.run(2, '用印〔2026〕第0002号', b.financeSeal.id, '应诉材料', ap, 0, null, null, 'stamped', 1, '法院当日截止', b.chief.id, '王志强', 'approved', 'cosign', b.chief.id, '王志强', at, at, 1, '郑华', null, null, null, null, null, null, rec, at, at);
    const v = { id: Number(use.run(3, '用印〔2026〕第0003号', b.bureauSeal.id, '作废件', ap, 0, null, null, 'void', 0, null, null, null, null, null, null, null, null, null, null, null, null, null, null, '重复申请', at, rec, rec, at, at).lastInsertRowid) };
    db0.prepare("INSERT INTO seal_use_amendments (use_id, at, by_id, by_name, reason, before_json, after_json) VALUES (?, ?, ?, '李晓梅', '漏记', '{}', '{\"remarks\":\"补记备注\"}')").run(a.id, at, rec);
    const rows = () => b.core.state.db.prepare('SELECT * FROM seal_uses ORDER BY id').all() as Record<string, unknown>[];
    const was = rows();
    const amendments = b.core.state.db.prepare('SELECT * FROM seal_use_amendments ORDER BY id').all();
    b.core.close();

    const core = openCore({ dataDir: dir, appVersion: 't', passwordLogN: 10, log: () => {} });
    const db = core.state.db;
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(100);
    expect(db.prepare('SELECT * FROM seal_uses ORDER BY id').all()).toEqual(was.map((r) => ({ ...r, paper_gap: 0 })));
    expect(db.prepare('SELECT * FROM seal_use_amendments ORDER BY id').all()).toEqual(amendments);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // The guards came back with the table.
    expect(() => db.prepare('DELETE FROM seal_uses WHERE id = ?').run(v.id)).toThrow('用印登记不可删除');
    expect(() => db.prepare("UPDATE seal_uses SET approver_name = '何平' WHERE id = ?").run(a.id)).toThrow('审批结论已记录，不可修改');
    expect(() => db.prepare('UPDATE seal_uses SET paper_gap = 1 WHERE id = ?').run(a.id)).toThrow('用印登记的编号、印章、申请内容不可修改');
    expect(() => db.prepare("INSERT INTO seal_uses_rebuilt (id) VALUES (1)").run()).toThrow(/no such table/);
    core.close();
  });
});
