import type { Ctx, PartialHandlers } from '../core/context';
import { DomainError } from '../core/errors';
import type { Role } from '../contract/common';
import { dryRunImport, importTemplate, parseImport, storeImport, type ParsedImport } from './import';
import { jobs, readExport, startExport } from './export';
import { filterCaption, type RegisterFilter } from '../contract/output';
import { registerImpls, type RegisterImpl } from './registry';
import { paperFonts } from './paper-fonts';
import { startRegisterPdf } from './pdf';

type Keys = 'output.rows' | 'output.printed' | 'output.pdfStart' | 'output.exportStart' | 'output.exportStatus' | 'output.exportFetch' | 'output.importTemplate' | 'output.importCheck' | 'output.importCommit';

/** The register, after checking that the caller's roles may read (or import into) it. */
function registerFor(ctx: Pick<Ctx, 'session'>, key: string, need: 'read' | 'import' = 'read'): RegisterImpl {
  const impl = Object.prototype.hasOwnProperty.call(registerImpls, key) ? registerImpls[key] : undefined;
  if (!impl) throw new DomainError('not_found', `没有名为“${key}”的登记簿`, 'register');
  const roles: readonly Role[] | undefined = need === 'read' ? impl.def.readRoles : impl.def.importRoles;
  if (!roles || !roles.some((r) => ctx.session?.roles.includes(r))) {
    throw new DomainError('forbidden', need === 'read' ? `您的角色无权打印或导出“${impl.def.title}”。` : `您的角色无权向“${impl.def.title}”导入。`);
  }
  return impl;
}

const titleOf = (ctx: Ctx<unknown>, impl: RegisterImpl, year?: number) => `${ctx.core.settings().unitName}${impl.def.title}${year ? `（${year}年）` : ''}`;

function jobFor(ctx: Ctx<unknown>, id: string) {
  const job = jobs(ctx.core).get(id);
  if (!job || job.userId !== ctx.me().userId) throw new DomainError('not_found', '导出任务不存在或已过期，请重新导出。');
  return job;
}
const jobOut = (j: ReturnType<typeof jobFor>) => ({ id: j.id, state: j.state, percent: j.percent, rows: j.rows, fileName: j.fileName, error: j.error });

/** A print or PDF is audited with a fresh checkpoint, which its footer carries. */
function printed(ctx: Ctx<unknown>, impl: RegisterImpl, p: { layout: 'register' | 'form' | 'archive' | 'other'; format: 'print' | 'pdf'; filter: RegisterFilter; objectId?: string; pages?: number }) {
  const cp = ctx.core.audit.recordCheckpoint('print', ctx.nowIso);
  const what = { register: '登记簿', form: '单据', archive: '年度归档', other: '打印件' }[p.layout];
  ctx.note({
    objectType: impl.def.key,
    objectId: p.objectId,
    after: { layout: p.layout, format: p.format, filter: p.filter, pages: p.pages, checkpoint: cp.short },
    message: `${p.format === 'pdf' ? '导出 PDF' : '打印'}：${impl.def.title}${what}${p.objectId ? ` #${p.objectId}` : ''} ${filterCaption(p.filter, impl.def.states)}`.trim(),
  });
  return cp;
}

export const outputHandlers: PartialHandlers<Keys> = {
  'output.rows': (ctx, input) => {
    const impl = registerFor(ctx, input.register);
    return {
      rows: impl.rows(ctx.db, input.filter, input.limit, input.offset, ctx.now),
      total: impl.count(ctx.db, input.filter, ctx.now),
      unitName: ctx.core.settings().unitName,
      preparedBy: ctx.me().name,
      checkpoint: ctx.core.audit.checkpoint(),
      generatedAt: ctx.nowIso,
    };
  },

  'output.printed': (ctx, input) => printed(ctx, registerFor(ctx, input.register), input),

  'output.pdfStart': (ctx, input) => {
    const impl = registerFor(ctx, input.register);
    const fonts = paperFonts();
    if (!fonts) throw new DomainError('conflict', '本机没有可用的中文字体，无法生成 PDF。请在打印预览中点“打印”，或安装中文字体（仿宋或 Noto CJK）后重试。');
    const checkpoint = printed(ctx, impl, { layout: 'register', format: 'pdf', filter: input.filter });
    const job = startRegisterPdf(ctx.core, impl, input.filter, ctx.me().userId, { unitName: ctx.core.settings().unitName, preparedBy: ctx.me().name, generatedAt: ctx.nowIso, checkpoint }, fonts);
    return jobOut(job);
  },

  'output.exportStart': (ctx, input) => {
    const impl = registerFor(ctx, input.register);
    const job = startExport(ctx.core, impl, input.filter, ctx.me().userId, titleOf(ctx, impl, input.filter.year));
    ctx.note({ objectType: input.register, after: { filter: input.filter }, message: `导出 Excel：${impl.def.title} ${filterCaption(input.filter, impl.def.states)}`.trim() });
    return jobOut(job);
  },

  'output.exportStatus': (ctx, input) => jobOut(jobFor(ctx, input.id)),

  'output.exportFetch': (ctx, input) => {
    const job = jobFor(ctx, input.id);
    if (job.state !== 'done') throw new DomainError('conflict', job.state === 'failed' ? `导出失败：${job.error}` : '导出尚未完成。');
    return { fileName: job.fileName, base64: readExport(job).toString('base64') };
  },

  'output.importTemplate': {
    prepare: async (pc, input) => importTemplate(registerFor(pc, input.register, 'import').def),
    run: (ctx: Ctx<Buffer>, input) => ({ fileName: `${registerImpls[input.register].def.title}-导入模板.xlsx`, base64: ctx.prepared.toString('base64') }),
  },

  'output.importCheck': {
    prepare: (pc, input) => parseImport(registerFor(pc, input.register, 'import'), input.base64, pc),
    run: (ctx: Ctx<ParsedImport<unknown>>, input) => {
      const problems = dryRunImport(ctx, registerFor(ctx, input.register, 'import'), ctx.prepared);
      return { rows: ctx.prepared.rows, problems: problems.slice(0, 1000), ok: problems.length === 0 };
    },
  },

  'output.importCommit': {
    prepare: (pc, input) => parseImport(registerFor(pc, input.register, 'import'), input.base64, pc),
    run: (ctx: Ctx<ParsedImport<unknown>>, input) => {
      const impl = registerFor(ctx, input.register, 'import');
      const { imported, problems } = storeImport(ctx, impl, ctx.prepared);
      if (problems.length) {
        const first = problems.slice(0, 3).map((p) => `第 ${p.row} 行${p.column ? `“${p.column}”` : ''}：${p.message}`);
        // Thrown inside the call's transaction: every row stored above is rolled back with it.
        throw new DomainError('rule', `导入文件有 ${problems.length} 处问题，未导入任何数据（${first.join('；')}${problems.length > 3 ? '……' : ''}）。请先试运行查看明细。`, 'base64');
      }
      ctx.note({ objectType: input.register, after: { imported }, message: `导入 ${impl.def.title} ${imported} 条` });
      return { imported };
    },
  },
};
