// The shared output machinery: rows for print layouts, print/PDF audit, xlsx export, xlsx import. PURE.
import { z } from 'zod';
import { defineMethods } from './method';
import { isoDate, year } from './common';
import { checkpointShape } from './audit';

const register = z.string().min(1).max(40).describe('登记簿');

/** The filters of a register's list, without paging: what a print or an export covers. */
export const registerFilter = z.object({
  year: year.optional(),
  from: isoDate('开始日期').optional(),
  to: isoDate('结束日期').optional(),
  state: z.string().max(40).optional().describe('状态'),
  q: z.string().trim().max(100).optional().describe('关键词'),
  /** Register-specific filters (person, department, seal …), interpreted by the register. */
  extra: z.record(z.string(), z.union([z.string().max(200), z.number(), z.boolean()])).optional(),
});
export type RegisterFilter = z.infer<typeof registerFilter>;

const cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const importProblemShape = z.object({ row: z.number(), column: z.string(), message: z.string() });
export type ImportProblem = z.infer<typeof importProblemShape>;

export const jobShape = z.object({
  id: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  percent: z.number(),
  rows: z.number(),
  fileName: z.string(),
  error: z.string().nullable(),
});

const file = z.object({ fileName: z.string(), base64: z.string() });

export const outputMethods = defineMethods({
  'output.rows': {
    title: '读取打印数据',
    access: 'signedIn',
    kind: 'read',
    input: z.object({ register, filter: registerFilter.default({}), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(5000).default(1000) }),
    output: z.object({
      rows: z.array(z.record(z.string(), cell)),
      total: z.number(),
      unitName: z.string(),
      preparedBy: z.string(),
      checkpoint: checkpointShape,
      generatedAt: z.string(),
    }),
  },
  'output.printed': {
    title: '打印/导出 PDF',
    access: 'signedIn',
    kind: 'write',
    input: z.object({
      register,
      layout: z.enum(['register', 'form', 'archive', 'other']).describe('版式'),
      format: z.enum(['print', 'pdf']).describe('输出方式'),
      filter: registerFilter.default({}),
      objectId: z.string().max(40).optional(),
      pages: z.number().int().min(0).max(100_000).optional(),
    }),
    output: checkpointShape,
  },
  'output.pdfStart': {
    title: '导出 PDF',
    access: 'signedIn',
    kind: 'write',
    input: z.object({ register, filter: registerFilter.default({}) }),
    output: jobShape,
  },
  'output.exportStart': {
    title: '导出 Excel',
    access: 'signedIn',
    kind: 'read',
    auditRead: true,
    input: z.object({ register, filter: registerFilter.default({}) }),
    output: jobShape,
  },
  'output.exportStatus': {
    title: '导出进度',
    access: 'signedIn',
    kind: 'read',
    input: z.object({ id: z.string().max(64) }),
    output: jobShape,
  },
  'output.exportFetch': {
    title: '取回导出文件',
    access: 'signedIn',
    kind: 'read',
    input: z.object({ id: z.string().max(64) }),
    output: file,
  },
  'output.importTemplate': {
    title: '下载导入模板',
    access: 'signedIn',
    kind: 'read',
    input: z.object({ register }),
    output: file,
  },
  'output.importCheck': {
    title: '导入试运行',
    access: 'signedIn',
    kind: 'read',
    input: z.object({ register, base64: z.string().max(40_000_000, { message: '文件过大（上限 30 MB）' }).describe('导入文件') }),
    output: z.object({ rows: z.number(), problems: z.array(importProblemShape), ok: z.boolean() }),
  },
  'output.importCommit': {
    title: '导入',
    access: 'signedIn',
    kind: 'write',
    input: z.object({ register, base64: z.string().max(40_000_000, { message: '文件过大（上限 30 MB）' }).describe('导入文件') }),
    output: z.object({ imported: z.number() }),
  },
});

/** The filters in words, under a printed title or in an export's second row: "2025年度　状态：已用印". */
export function filterCaption(f: RegisterFilter, states?: Record<string, string>, withYear = true): string {
  const parts: string[] = [];
  if (withYear && f.year) parts.push(`${f.year}年度`);
  if (f.from || f.to) parts.push(`${f.from ?? '…'} 至 ${f.to ?? '…'}`);
  if (f.state) parts.push(`状态：${states?.[f.state] ?? f.state}`);
  if (f.q) parts.push(`关键词：${f.q}`);
  return parts.join('　');
}
