// Schema 100 rebuilds seal_uses (SQLite cannot change a CHECK in place) to allow 补录 paper entries:
// a folder written by the version before keeps every entry, its amendments and its guards. The old
// folder is written in SQL as that version wrote it (this version's handlers expect this version's schema).
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../../db/core/core';
import { defaultMigrationsDir, loadMigrations, migrate } from '../../../db/core/migrate';
import { DB_FILE, applyPragmas } from '../../../db/core/open';
import { tempDir } from '../../helpers';

describe('upgrading a folder to the 补录 schema', () => {
  it('keeps every seal use, its amendments and its guards, with the foreign keys intact', () => {
    const dir = tempDir('migr-');
    const old = new Database(join(dir, DB_FILE));
    applyPragmas(old, false);
    migrate(old, loadMigrations(defaultMigrationsDir()).filter((m) => m.version < 100), join(dir, 'backups'), 'x');
    expect(old.pragma('user_version', { simple: true })).toBe(90);
    const at = '2026-03-02T09:00:00.000+08:00';
    const user = old.prepare("INSERT INTO users (login, name, department, roles, password_hash, created_at, updated_at) VALUES (?, ?, '办公室', ?, 'x', ?, ?)");
    const rec = Number(user.run('clerk1', '李晓梅', '["clerk"]', at, at).lastInsertRowid);
    const chief = Number(user.run('chief', '王志强', '["approver"]', at, at).lastInsertRowid);
    const ap = Number(user.run('zhaomin', '赵敏', '["clerk"]', at, at).lastInsertRowid);
    const seal = old.prepare("INSERT INTO seals (name, kind, approver_rule, approver_id, enabled_on, created_at, created_by_id, updated_at) VALUES (?, 'official', 'person', ?, '2020-01-01', ?, ?, ?)");
    const bureauSeal = Number(seal.run('××区司法局', chief, at, rec, at).lastInsertRowid);
    const financeSeal = Number(seal.run('××区司法局财务专用章', chief, at, rec, at).lastInsertRowid);
    const use = old.prepare(
      `INSERT INTO seal_uses (year, seq, number, seal_id, entry_date, reason, doc_title, copies, applicant_id, applicant_name, department, take_out, planned_out, planned_return,
         state, emergency, emergency_reason, phone_approver_id, phone_approver_name, approval_decision, approval_mode, approver_id, approver_name, approved_at,
         stamped_at, stamped_count, supervisor_name, out_at, returned_at, return_confirmed_name, void_reason, voided_at, voided_by_id, recorded_by_id, created_at, updated_at)
       VALUES (2026, ?, ?, ?, '2026-03-02', '报送材料', ?, 5, ?, '赵敏', '法律援助中心', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const a = Number(use.run(1, '用印〔2026〕第0001号', bureauSeal, '年度总结', ap, 1, '2026-03-02', '2026-03-03', 'returned', 0, null, null, null, 'approved', 'cosign', chief, '王志强', at, at, 3, '张敏', at, '2026-03-03T10:00:00.000+08:00', '张敏', null, null, null, rec, at, at).lastInsertRowid);
    use.run(2, '用印〔2026〕第0002号', financeSeal, '应诉材料', ap, 0, null, null, 'stamped', 1, '法院当日截止', chief, '王志强', 'approved', 'cosign', chief, '王志强', at, at, 1, '郑华', null, null, null, null, null, null, rec, at, at);
    const v = Number(use.run(3, '用印〔2026〕第0003号', bureauSeal, '作废件', ap, 0, null, null, 'void', 0, null, null, null, null, null, null, null, null, null, null, null, null, null, null, '重复申请', at, rec, rec, at, at).lastInsertRowid);
    old.prepare("INSERT INTO seal_use_amendments (use_id, at, by_id, by_name, reason, before_json, after_json) VALUES (?, ?, ?, '李晓梅', '漏记', '{}', '{\"remarks\":\"补记备注\"}')").run(a, at, rec);
    const was = old.prepare('SELECT * FROM seal_uses ORDER BY id').all() as Record<string, unknown>[];
    const amendments = old.prepare('SELECT * FROM seal_use_amendments ORDER BY id').all();
    old.close();

    const core = openCore({ dataDir: dir, appVersion: 't', passwordLogN: 10, log: () => {} });
    const db = core.state.db;
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(100);
    expect(db.prepare('SELECT * FROM seal_uses ORDER BY id').all()).toEqual(was.map((r) => ({ ...r, paper_gap: 0 })));
    expect(db.prepare('SELECT * FROM seal_use_amendments ORDER BY id').all()).toEqual(amendments);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // The guards came back with the table.
    expect(() => db.prepare('DELETE FROM seal_uses WHERE id = ?').run(v)).toThrow('用印登记不可删除');
    expect(() => db.prepare("UPDATE seal_uses SET approver_name = '何平' WHERE id = ?").run(a)).toThrow('审批结论已记录，不可修改');
    expect(() => db.prepare('UPDATE seal_uses SET paper_gap = 1 WHERE id = ?').run(a)).toThrow('用印登记的编号、印章、申请内容不可修改');
    expect(() => db.prepare('INSERT INTO seal_uses_rebuilt (id) VALUES (1)').run()).toThrow(/no such table/);
    // Later migrations took the old accounts along: their standing and their departments.
    expect(db.prepare('SELECT count(*) FROM user_standing').pluck().get()).toBe(3);
    expect(db.prepare('SELECT name FROM departments').pluck().all()).toEqual(['办公室']);
    core.close();
  });
});
