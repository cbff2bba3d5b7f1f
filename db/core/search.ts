// Free-text search for Chinese without a word segmenter: text is indexed as overlapping character
// pairs (bigrams) in an FTS5 table, and a query becomes a phrase of its own pairs, so "关于印发"
// finds exactly the texts containing 关于印发 and a two-character term such as 通知 is one token.
// (FTS5's trigram tokenizer cannot search terms shorter than three characters.)

const RUN = /[\p{L}\p{N}]+/gu;

/** Runs of letters and digits, lower-cased; punctuation and spaces separate them. */
const runs = (text: string) => (text.toLowerCase().match(RUN) ?? []) as string[];

function bigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return [chars[0]];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

/** The body to index: every run's bigrams (a lone character stays itself), space-separated. */
export function searchBody(...texts: (string | null | undefined)[]): string {
  return texts
    .flatMap((t) => runs(t ?? ''))
    .map((r) => bigrams(r).join(' '))
    .join(' ');
}

/**
 * The FTS5 MATCH expression for a user's query, or null when the index cannot answer it exactly
 * (a single character): the caller falls back to LIKE.
 */
export function searchMatch(q: string): string | null {
  const rs = runs(q);
  if (!rs.length || rs.some((r) => [...r].length < 2)) return null;
  return rs.map((r) => `"${bigrams(r).join(' ')}"`).join(' AND ');
}
