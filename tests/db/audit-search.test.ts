// The auditor's free-text search goes through a bigram index instead of scanning the whole log, and
// finds exactly what a substring search finds: two-character terms, longer phrases, names, objects.
import { describe, expect, it } from 'vitest';
import { searchBody, searchMatch } from '../../db/core/search';
import { addUser, makeCore, ok, setupAdmin } from '../helpers';

describe('search index', () => {
  it('turns text into character pairs and a query into a phrase of them', () => {
    expect(searchBody('关于印发通知', 'ab')).toBe('关于 于印 印发 发通 通知 ab');
    expect(searchMatch('印发通知')).toBe('"印发 发通 通知"');
    expect(searchMatch('通知 2026')).toBe('"通知" AND "20 02 26"');
    expect(searchMatch('通')).toBeNull();
    expect(searchMatch('——')).toBeNull();
  });

  it('finds the same entries as a substring search, through the index, for short and long terms', async () => {
    const core = makeCore();
    const admin = await setupAdmin(core);
    await addUser(core, admin, 'clerk1', ['clerk'], '李晓梅');
    const db = core.state.db;
    const entry = (message: string) => ({ at: '2026-01-05T09:00:00+08:00', userId: null, userLogin: 'clerk1', userName: '李晓梅', roles: 'clerk', workstation: 'pc', action: 'test.entry', objectType: 'seal_use', objectId: '17', result: 'success' as const, errorCode: '', message, before: null, after: null });
    db.transaction(() => {
      for (const m of ['关于印发2026年工作要点的通知', '会议通知', '关于调整印章保管人的请示', '通  知']) core.state.audit.append(entry(m));
    })();
    const plan = (db.prepare("EXPLAIN QUERY PLAN SELECT count(*) FROM audit_log WHERE seq IN (SELECT rowid FROM audit_fts WHERE audit_fts MATCH 'x')").all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan).toMatch(/VIRTUAL TABLE INDEX/);
    for (const q of ['通知', '关于印发', '印章保管', '李晓梅', 'clerk1', '2026', '通']) {
      // Before the list call: reading the log is itself logged, with the term in its message.
      const like = db.prepare("SELECT seq FROM audit_log WHERE message LIKE ? OR user_name LIKE ? OR user_login LIKE ? OR action LIKE ? OR object_id = ? ORDER BY seq DESC").all(...Array(4).fill(`%${q}%`), q) as { seq: number }[];
      const viaIndex = await ok(core, admin, 'audit.list', { q, pageSize: 500 });
      expect(viaIndex.rows.map((r) => r.seq), q).toEqual(like.map((r) => r.seq));
      if (q !== '通') expect(viaIndex.total, q).toBeGreaterThan(0);
    }
    core.close();
  });

  it('indexes entries written before the index existed when the data is opened', async () => {
    const core = makeCore();
    const admin = await setupAdmin(core);
    await addUser(core, admin, 'yinfa', ['clerk'], '印发制度');
    const db = core.state.db;
    db.exec("INSERT INTO audit_fts (audit_fts) VALUES ('delete-all'); UPDATE audit_search_state SET last_seq = 0");
    expect((await ok(core, admin, 'audit.list', { q: '印发制度' })).total).toBeGreaterThan(0); // by LIKE meanwhile
    const n = core.state.audit.indexForSearch(2);
    expect(n).toBe((db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n);
    expect((await ok(core, admin, 'audit.list', { q: '印发制度' })).total).toBeGreaterThan(0);
    core.close();
  });
});
