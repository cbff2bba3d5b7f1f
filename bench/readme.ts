// The README's Performance table is the bench's own output, never typed: `npm run bench` writes it
// between the markers below, and `npx tsx bench/readme.ts` puts the last run's results/latest.md there.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const START = '<!-- bench:results (written by npm run bench; do not edit) -->';
const END = '<!-- /bench:results -->';

/** Put a results Markdown (its heading demoted to a line) between the README's markers. */
export function writeReadmeResults(md: string, readme = join(ROOT, 'README.md')) {
  const text = readFileSync(readme, 'utf8');
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md has no ${START} … ${END} section`);
  const body = md.replace(/^# (.*)$/m, '最近一次运行：$1').trim();
  writeFileSync(readme, `${text.slice(0, a + START.length)}\n${body}\n${text.slice(b)}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeReadmeResults(readFileSync(join(ROOT, 'bench', 'results', 'latest.md'), 'utf8'));
  console.log('README.md 的性能表已按 bench/results/latest.md 更新');
}
