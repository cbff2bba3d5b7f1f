// Schema 100 rebuilds seal_uses (SQLite cannot change a CHECK in place) to allow 补录 paper entries:
// a folder written by the version before keeps every entry, its amendments and its guards.
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../../db/core/core';
import { defaultMigrationsDir } from '../../../db/core/migrate';
import { ok, tempDir } from '../../helpers';
import { approved, bureau, cosign, day, request } from './fixture';

describe('upgrading a folder to the 补录 schema', () => {
  it('keeps every seal use, its amendments and its guards, with the foreign keys intact', async () => {
    const before = tempDir('migr-');
    for (const f of readdirSync(defaultMigrationsDir()).filter((f) => f < '0100')) copyFileSync(join(defaultMigrationsDir(), f), join(before, f));
    const b = await bureau({ migrationsDir: before });
    const dir = b.core.state.dataDir;
    expect(b.core.state.db.pragma('user_version', { simple: true })).toBe(90);
    const a = await approved(b, { takeOut: true, plannedOut: day(), plannedReturn: day(1) });
    await ok(b.core, b.c, 'seals.stamp', { id: a.id, count: 3 });
    await ok(b.core, b.c, 'seals.checkOut', { id: a.id });
    await ok(b.core, b.c, 'seals.amend', { id: a.id, remarks: '补记备注', amendReason: '漏记' });
    const e = await ok(b.core, b.c, 'seals.emergencyStamp', { ...request(b, { sealId: b.financeSeal.id, documentTitle: '应诉材料' }), count: 1, emergencyReason: '法院当日截止', phoneApproverId: b.chief.id });
    await ok(b.core, b.c, 'seals.approve', { id: e.id, approval: cosign('chief') });
    const v = await ok(b.core, b.c, 'seals.request', request(b, { documentTitle: '作废件' }));
    await ok(b.core, b.c, 'seals.void', { id: v.id, reason: '重复申请' });
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
