// Schema 150: invoice lines kept before canonical numbers are canonicalised where that clashes with no
// other live line; a clash (the double claim this release stops) is left as typed for the auditor.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultMigrationsDir, loadMigrations, migrate } from '../../../db/core/migrate';
import { DB_FILE, applyPragmas } from '../../../db/core/open';
import { tempDir } from '../../helpers';

describe('upgrading invoice lines to canonical numbers', () => {
  it('canonicalises typed numbers, leaves a clash as typed, and guards new lines', () => {
    const dir = tempDir('migr-inv-');
    const db = new Database(join(dir, DB_FILE));
    applyPragmas(db, false);
    const all = loadMigrations(defaultMigrationsDir());
    migrate(db, all.filter((m) => m.version < 150), join(dir, 'backups'), 'x');
    db.pragma('foreign_keys = OFF'); // the lines alone are what this migration reads
    const line = db.prepare("INSERT INTO expense_claim_lines (claim_id, line_no, invoice_no, invoice_date, description, amount_fen, active) VALUES (?, 1, ?, '2026-01-05', '硒鼓', ?, ?)");
    line.run(1, '25432000000012345678', 60_000, 1);
    line.run(2, '2543-2000-0000-1234-5678', 60_000, 1); // the same invoice claimed again: a clash
    line.run(3, '２５４４ ２０００ ００００ １２３４ ５６７８', 1_000, 1);
    line.run(4, '2543-2000-0000-1234-5678', 5_000, 0); // on a rejected claim: no clash
    db.pragma('foreign_keys = ON');
    // Up to 150 only: these lines stand alone (no claims), which a later table rebuild's foreign-key check would refuse.
    migrate(db, all.filter((m) => m.version <= 150), join(dir, 'backups'), 'y');
    const rows = db.prepare('SELECT claim_id AS c, invoice_no AS n FROM expense_claim_lines ORDER BY claim_id').all();
    expect(rows).toEqual([
      { c: 1, n: '25432000000012345678' },
      { c: 2, n: '2543-2000-0000-1234-5678' },
      { c: 3, n: '25442000000012345678' },
      { c: 4, n: '25432000000012345678' },
    ]);
    db.pragma('foreign_keys = OFF');
    expect(() => line.run(5, '2543-2000-0000-1234-5679', 1, 1)).toThrow(/规范形式/);
    expect(() => line.run(6, '25442000000012345678', 1, 1)).toThrow(/不能重复报销/);
    db.close();
  });
});
