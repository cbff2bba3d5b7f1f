// Issue 28: the core writes a printed register straight to PDF — the same paper as the print route
// (title and period on every page, 序号, nothing split, 补录 under the date, the checkpoint footer,
// 第 X 页 共 Y 页, the sign-off), read back here with pdftotext as an auditor would.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REGISTER_DEFS } from '../../db/contract/registers';
import { booksOf, paperCaption, type PaperRow } from '../../db/contract/paper';
import { writeRegisterPdf } from '../../db/output/pdf';
import { paperFonts } from '../../db/output/paper-fonts';
import type { Core } from '../../db/core/core';
import { STRONG, businessSnapshot, ok, pinnedClock, refused } from '../helpers';
import { bureau, cosign } from './seals/fixture';

const dir = mkdtempSync(join(tmpdir(), 'register-pdf-'));
const pagesOf = (file: string) =>
  execFileSync('pdftotext', ['-layout', file, '-'])
    .toString()
    .split('\f')
    .filter((p) => p.trim());

async function fetchPdf(core: Core, session: string, register: string, filter: Record<string, unknown>) {
  let job = await ok(core, session, 'output.pdfStart', { register, filter });
  for (let i = 0; job.state === 'running' && i < 600; i++) {
    await new Promise((r) => setTimeout(r, 20));
    job = await ok(core, session, 'output.exportStatus', { id: job.id });
  }
  expect(job.state, job.error ?? '').toBe('done');
  const file = await ok(core, session, 'output.exportFetch', { id: job.id });
  const path = join(dir, `${job.id}.pdf`);
  writeFileSync(path, Buffer.from(file.base64, 'base64'));
  return { path, fileName: file.fileName, pages: pagesOf(path) };
}

describe('a register written to PDF by the core', () => {
  it('finds a Chinese font on this workstation', () => {
    // CI installs fonts-noto-cjk (.ci/run); without any Chinese font the method refuses (below).
    expect(paperFonts()).not.toBeNull();
  });

  it('prints the seal register as the print route does: title, period, rows, 补录, footer with the checkpoint, pages, sign-off; audited', async () => {
    const clock = pinnedClock('2025-03-03T09:00:00+08:00');
    const b = await bureau({ clock });
    const made = [];
    // The clerk signs in afresh on each day (a session locks when idle).
    const clerk = async () => (await ok(b.core, null, 'accounts.signIn', { login: 'clerk1', password: STRONG })).sessionId;
    for (const [i, d] of ['2025-03-03', '2025-03-04'].entries()) {
      clock.set(`${d}T09:0${i}:00+08:00`);
      const c = await clerk();
      const r = await ok(b.core, c, 'seals.request', { sealId: b.bureauSeal.id, reason: '报送材料', documentTitle: '年度工作总结', documentNo: `×司发〔2025〕${i + 7}号`, copies: 2, applicantId: b.applicant.id, appliedOn: d });
      await ok(b.core, c, 'seals.approve', { id: r.id, approval: cosign('chief') });
      clock.set(`${d}T09:1${i}:00+08:00`);
      await ok(b.core, c, 'seals.stamp', { id: r.id, count: 2, stampedAt: `${d}T09:1${i}:00+08:00` });
      made.push(r.number);
    }
    // Keyed in a week after the stamping it records: 补录 under its date.
    clock.set('2025-03-12T10:00:00+08:00');
    const c = await clerk();
    const late = await ok(b.core, c, 'seals.request', { sealId: b.bureauSeal.id, reason: '开具证明', documentTitle: '在职证明', documentNo: '×司发〔2025〕9号', copies: 1, applicantId: b.applicant.id, appliedOn: '2025-03-05' });
    await ok(b.core, c, 'seals.approve', { id: late.id, approval: cosign('chief') });
    clock.set('2025-03-12T10:05:00+08:00');
    await ok(b.core, c, 'seals.stamp', { id: late.id, count: 1, stampedAt: '2025-03-12T10:05:00+08:00' });
    const { pages, fileName } = await fetchPdf(b.core, c, 'seals.usage', { year: 2025 });
    expect(fileName).toBe('××区司法局用印登记簿（2025年）-2025-03-12.pdf');
    expect(pages).toHaveLength(1);
    const [p] = pages;
    expect(p).toContain('××区司法局用印登记簿（2025年）');
    expect(p).toContain('登记期间：2025-01-01 至 2025-12-31');
    expect(p).toMatch(/序号\s+编号\s+日期\s+印章/);
    for (const n of made) expect(p).toContain(n.replace(/^用印〔2025〕/, ''));
    expect(p).toContain('×司发〔2025〕7号');
    expect(p).toContain('2025-03-12 补录');
    expect(p).toMatch(/第\s*1\s*页\s*共\s*1\s*页/);
    expect(p).toMatch(/保管人（签字）：.*负责人（签字）：.*日期：/);
    // The footer names who printed it and the checkpoint this print recorded in the audit trail.
    const m = /制表人：李晓梅.*审核人：.*打印时间：2025-03-12 10:05.*审计检查点：#(\d+) ([0-9a-f]{12})/.exec(p);
    expect(m).not.toBeNull();
    const admin = (await ok(b.core, null, 'accounts.signIn', { login: 'admin', password: STRONG })).sessionId;
    const printedEntries = (await ok(b.core, admin, 'audit.list', { pageSize: 20 })).rows.filter((r) => r.message.includes('导出 PDF'));
    expect(printedEntries).toHaveLength(1);
    expect(printedEntries[0].message).toContain('导出 PDF：用印登记簿');
    expect(JSON.stringify(printedEntries[0])).toContain(m![2]);
  });

  it('refuses a register the role may not read, and records nothing', async () => {
    const b = await bureau();
    const before = businessSnapshot(b.core);
    const e = await refused(b.core, b.c, 'output.pdfStart', { register: 'audit', filter: {} });
    expect(e.message).toBe('您的角色无权打印或导出“审计日志”。');
    expect(businessSnapshot(b.core)).toBe(before);
    // No print checkpoint was taken for it.
    const audit = await ok(b.core, b.admin, 'audit.list', { pageSize: 10 });
    expect(audit.rows.some((r) => r.message.includes('导出 PDF'))).toBe(false);
  });

  it('1,000 ordinary seal uses: at most 70 pages, at least 15 rows a page, no number, date or 文号 split, title on every page', async () => {
    const def = REGISTER_DEFS['seals.usage'];
    const rows: PaperRow[] = [];
    for (let i = 0; i < 1000; i++) {
      const d = new Date(Date.UTC(2025, 0, 2) + Math.floor(i / 4) * 86_400_000).toISOString().slice(0, 10);
      rows.push({
        number: `用印〔2025〕第${String(i + 1).padStart(4, '0')}号`,
        date: d,
        seal: i % 3 ? '××区司法局' : '××区司法局财务专用章',
        reason: ['报送材料', '签订合同', '开具证明', '财务报销'][i % 4],
        document: `${['年度工作总结', '办公设备维保合同', '在职证明', '差旅费报销单'][i % 4]}（×司发〔2025〕${i + 1}号）`,
        copies: 1 + (i % 5),
        applicant: '赵敏',
        approver: '王志强',
        supervisor: '张敏',
        takeOut: '',
        remarks: '',
      });
    }
    const file = join(dir, 'seal-usage-1000.pdf');
    const f = { year: 2025 };
    const { pages: count } = await writeRegisterPdf(file, {
      def,
      books: booksOf(def, rows, '××区司法局', 2025),
      caption: paperCaption(def, f),
      meta: { unitName: '××区司法局', preparedBy: '李晓梅', generatedAt: '2026-01-05T09:00:00+08:00', checkpoint: { seq: 41, short: '0123456789ab' } },
      fonts: paperFonts()!,
    });
    const pages = pagesOf(file);
    expect(pages).toHaveLength(count);
    expect(count).toBeLessThanOrEqual(70);
    pages.forEach((p, i) => {
      expect(p, `第 ${i + 1} 页`).toContain('××区司法局用印登记簿（2025年）');
      expect(p, `第 ${i + 1} 页`).toContain('登记期间：2025-01-01 至 2025-12-31');
      expect(p, `第 ${i + 1} 页`).toMatch(/制表人：李晓梅.*审核人：.*打印时间：2026-01-05 09:00.*审计检查点：#41 0123456789ab/);
      expect(p.replace(/\s+/g, ''), `第 ${i + 1} 页`).toContain(`第${i + 1}页共${count}页`);
      if (i < pages.length - 1) expect((p.match(/用印〔2025〕/g) ?? []).length, `第 ${i + 1} 页的行数`).toBeGreaterThanOrEqual(15);
    });
    const all = pages.join('\n');
    for (const r of rows) {
      expect(all).toContain(String(r.number).replace(/^用印〔2025〕/, ''));
      expect(all).toContain(String(r.date));
      expect(all).toContain(/×司发〔2025〕\d+号/.exec(String(r.document))![0]);
    }
    expect(pages.at(-1)).toMatch(/保管人（签字）：.*负责人（签字）：/);
    expect(pages[0]).not.toContain('保管人（签字）');
  });
});

describe('inside the desktop bundle', () => {
  it('writes a register PDF when bundled the way build-desktop bundles the core (no file pdfkit cannot carry along)', async () => {
    const { build } = await import('esbuild');
    const entry = join(dir, 'entry.ts');
    const root = process.cwd();
    writeFileSync(
      entry,
      `import { writeRegisterPdf } from ${JSON.stringify(join(root, 'db/output/pdf'))};
import { paperFonts } from ${JSON.stringify(join(root, 'db/output/paper-fonts'))};
import { REGISTER_DEFS } from ${JSON.stringify(join(root, 'db/contract/registers'))};
const def = REGISTER_DEFS['seals.usage'];
writeRegisterPdf(process.argv[2], { def, books: [{ title: '测试用印登记簿', rows: [{ number: '用印〔2025〕第0001号', date: '2025-03-03', seal: '测试章' }] }], caption: '', meta: { unitName: '测试', preparedBy: '李晓梅', generatedAt: '2025-03-03T09:00:00+08:00', checkpoint: { seq: 1, short: 'abc' } }, fonts: paperFonts()! }).then(() => console.log('written'));`,
    );
    const out = join(dir, 'bundle.cjs');
    await build({ entryPoints: [entry], outfile: out, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['electron', 'better-sqlite3'], logLevel: 'error', define: { 'import.meta.url': '__bundleFileUrl' }, banner: { js: `const __bundleFileUrl = require('node:url').pathToFileURL(__filename).href;` } });
    const pdf = join(dir, 'bundled.pdf');
    // Run from the temp folder, so nothing is found in node_modules that the bundle did not carry.
    expect(execFileSync(process.execPath, [out, pdf], { cwd: dir }).toString()).toContain('written');
    expect(pagesOf(pdf)[0]).toContain('测试用印登记簿');
  });
});

describe('every printed register', () => {
  // Short values in every column (a name, a date, an amount): rows that need one line each.
  const sample = (kind: string | undefined, i: number) =>
    kind === 'date' ? '2025-03-04' : kind === 'datetime' ? '2025-03-04T09:30:00+08:00' : kind === 'money' ? 1234500 + i : kind === 'int' ? 3 : kind === 'number' ? 1.5 : '赵敏';
  for (const def of Object.values(REGISTER_DEFS)) {
    it(`${def.title}（${def.key}）: at least 15 single-line rows a page`, async () => {
      const rows: PaperRow[] = Array.from({ length: 100 }, (_, i) => Object.fromEntries(def.columns.map((c) => [c.key, c.title === '序号' ? i + 1 : sample(c.kind, i)])));
      const file = join(dir, `single-${def.key}.pdf`);
      await writeRegisterPdf(file, {
        def,
        books: [{ title: `××区司法局${def.title}（2025年）`, rows }],
        caption: '登记期间：2025-01-01 至 2025-12-31',
        meta: { unitName: '××区司法局', preparedBy: '李晓梅', generatedAt: '2026-01-05T09:00:00+08:00', checkpoint: { seq: 41, short: '0123456789ab' } },
        fonts: paperFonts()!,
      });
      const pages = pagesOf(file);
      pages.slice(0, -1).forEach((p, i) => {
        const seq = [...p.matchAll(/^\s*(\d+)\s/gm)].map((m) => Number(m[1])).filter((n) => n >= 1 && n <= 100);
        expect(new Set(seq).size, `${def.key} 第 ${i + 1} 页的行数`).toBeGreaterThanOrEqual(15);
      });
      expect(pages.length).toBeLessThanOrEqual(Math.ceil(100 / 15));
    });
  }
});

describe('a run that never breaks, in a narrow column', () => {
  it('is set smaller rather than split: accounts.changePassword in the audit log stays whole', async () => {
    const def = REGISTER_DEFS.audit;
    const actions = ['accounts.changePassword', 'accounts.signIn', 'backups.auto', 'seals.stamp'];
    const rows: PaperRow[] = Array.from({ length: 40 }, (_, i) => ({ seq: i + 1, at: '2025-03-04T09:30:00+08:00', user: '周建国', action: actions[i % 4], object: `backup /tmp/office-e2e-cwBQaV/backups/auto/办公室台账-退出-20261208-0841${i}.otbak`, result: '成功', message: '自动备份（退出）：/tmp/office-e2e-cwBQaV/backups/auto/办公室台账-退出-20261208-084123.otbak，已校验完整性与校验和，可带离本机保存', hash: 'c4a9ca8adcef' }));
    const file = join(dir, 'audit-actions.pdf');
    await writeRegisterPdf(file, { def, books: [{ title: '××区司法局审计日志（2025年）', rows }], caption: '', meta: { unitName: '××区司法局', preparedBy: '周建国', generatedAt: '2026-01-05T09:00:00+08:00', checkpoint: { seq: 1, short: 'abc' } }, fonts: paperFonts()! });
    const text = pagesOf(file).join('\n');
    expect((text.match(/accounts\.changePassword/g) ?? []).length).toBe(10);
  });
});

describe('a character the body font lacks', () => {
  it('is set in the first fallback font that has every character of the register: no empty boxes', async () => {
    const fonts = paperFonts()!;
    // A body font without Chinese (as 仿宋_GB2312 is without 喆): the writer moves to the fallback.
    const latinOnly = { file: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf' };
    const def = REGISTER_DEFS['seals.usage'];
    const rows: PaperRow[] = [{ number: '用印〔2025〕第0001号', date: '2025-03-04', seal: '××区司法局', reason: '报送材料', document: '年度工作总结', copies: 1, applicant: '王喆', approver: '李堃', supervisor: '张敏' }];
    const file = join(dir, 'fallback.pdf');
    await writeRegisterPdf(file, { def, books: [{ title: '××区司法局用印登记簿（2025年）', rows }], caption: '', meta: { unitName: '××区司法局', preparedBy: '李晓梅', generatedAt: '2026-01-05T09:00:00+08:00', checkpoint: { seq: 1, short: 'abc' } }, fonts: { ...fonts, body: latinOnly, fallbacks: [fonts.body] } });
    const text = pagesOf(file).join('\n');
    for (const name of ['王喆', '李堃', '张敏', '报送材料']) expect(text).toContain(name);
    const embedded = execFileSync('pdffonts', [file]).toString();
    expect(embedded).toMatch(/CJK/);
  });
});
