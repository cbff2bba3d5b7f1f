// Small SQL helpers shared by the registers' queries, and the SQL functions every connection has.
import { match } from 'pinyin-pro';
import type { Db } from './open';

/** A LIKE pattern for a user's search text; use with ESCAPE '\'. */
export const likePattern = (q: string) => `%${q.replace(/[%_\\]/g, '\\$&')}%`;

/**
 * Search text that is pinyin rather than text to find literally: two or more Latin letters
 * (zm, zhaomin, dyz). Names are then also matched by their pinyin, initials or full.
 */
export const isPinyinQuery = (q: string) => /^[a-z]{2,30}$/i.test(q.trim());

/**
 * Functions our queries may call (never used in the schema, so a plain sqlite3 shell still reads the
 * file): pinyin_match(text, query) is 1 when the query spells part of the text in pinyin.
 */
export function registerSqlFunctions(db: Db) {
  db.function('pinyin_match', { deterministic: true }, (text: unknown, q: unknown) =>
    typeof text === 'string' && typeof q === 'string' && match(text, q.trim().toLowerCase()) ? 1 : 0,
  );
}
