// Disk full (simulated with max_page_count): a clear error, nothing partial stored, data consistent.
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../../db/core/audit';
import { businessSnapshot, makeCore, ok, setupAdmin } from '../../helpers';

describe('disk full', () => {
  it('a write that runs out of space fails clearly and leaves nothing partial', async () => {
    const core = makeCore();
    const admin = await setupAdmin(core);
    const db = core.state.db;
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + 3}`);
    let failure: { code: string; message: string } | null = null;
    let before = '';
    let auditBefore = 0;
    for (let i = 0; i < 500 && !failure; i++) {
      before = businessSnapshot(core);
      auditBefore = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
      const r = await core.call(admin, 'accounts.create', { login: `full${i}`, name: '长'.repeat(40), department: '部'.repeat(60), post: '职'.repeat(60), roles: ['clerk'], password: 'Temp!Pass1' });
      if (!r.ok) failure = r.error;
    }
    expect(failure).toMatchObject({ code: 'storage' });
    expect(failure!.message).toContain('磁盘空间不足');
    // Neither the account nor its audit entry: the transaction rolled back whole.
    expect(businessSnapshot(core)).toBe(before);
    expect((db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBeLessThanOrEqual(auditBefore + 1);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(verifyChain(db, 'now').ok).toBe(true);
    // Space comes back: work goes on.
    db.pragma('max_page_count = 1073741823');
    await ok(core, admin, 'accounts.create', { login: 'after-full', name: '恢复', roles: ['clerk'], password: 'Temp!Pass1' });
    core.close();
  });
});
