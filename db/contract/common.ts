// Shared vocabulary of the contract. PURE: no node:*, no SQL — the renderer imports this file.
import { z } from 'zod';
import './zod-messages';
import { dateProblem, MAX_YEAR, MIN_YEAR, normaliseDateTime } from './time';

export const ROLES = ['admin', 'clerk', 'approver', 'auditor'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  clerk: '经办人',
  approver: '审批人',
  auditor: '审计员',
};

/** Who may call a method: `public` needs no session (sign-in, first run); `signedIn` any signed-in account. */
export type Access = 'public' | 'signedIn' | readonly Role[];

export const ERROR_CODES = [
  'unknown_method',
  'invalid_input',
  'unauthenticated',
  'session_locked',
  'forbidden',
  'not_found',
  'conflict',
  'rule',
  'read_only',
  'storage',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface CallError {
  code: ErrorCode;
  message: string;
  field?: string;
}
export type Envelope<T = unknown> = { ok: true; data: T } | { ok: false; error: CallError };

// ---- field helpers: every field carries its Chinese label so errors can name it ----

// Characters no register field may hold: C0/C1 controls (NUL, ESC …) other than tab and line breaks,
// DEL, and the bidi overrides and isolates that make a printed name read differently from what is stored.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const LINE_BREAK = /[\t\n\r\u2028\u2029]/;
// Invisible characters that alone would make a name look filled in while showing nothing.
const INVISIBLE = /[\s\u200B-\u200F\u2060\u180E\uFEFF\u00AD\u3164\u115F\u1160]/g;

/** Said after the field's label when its text holds a control character. */
export const CONTROL_CHARS = '含有不可见的控制字符，请删除后重新输入';

/** The problem with a piece of text a person typed, or null. Shared by the schemas and dispatch's walk of raw input. */
export function textProblem(s: string, singleLine: boolean): string | null {
  if (CONTROL.test(s)) return CONTROL_CHARS;
  if (singleLine && LINE_BREAK.test(s)) return '不能换行或包含制表符';
  return null;
}

/**
 * Path of the first string anywhere in a caller's raw input that holds a control character, or null.
 * Dispatch refuses such input before any schema runs, so fields typed as a plain string (filters,
 * passwords) are held to the same rule as the labelled ones.
 */
export function controlTextAt(value: unknown, path: PropertyKey[] = [], depth = 0): PropertyKey[] | null {
  if (typeof value === 'string') return CONTROL.test(value) ? path : null;
  if (depth > 8 || value === null || typeof value !== 'object') return null;
  for (const [k, v] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
    const found = controlTextAt(v, [...path, k], depth + 1);
    if (found) return found;
  }
  return null;
}

const visible = (s: string) => s.replace(INVISIBLE, '').length > 0;
/** Text that shows nothing when printed: empty, spaces, or zero-width characters only. */
export const blankText = (s: string) => !visible(s);

const checkedText = (label: string, max: number, singleLine: boolean) =>
  z
    .string()
    .trim()
    .min(1, { message: `请填写${label}` })
    .max(max, { message: `${label}不能超过 ${max} 个字` })
    .superRefine((s, ctx) => {
      const problem = textProblem(s, singleLine);
      if (problem) ctx.addIssue({ code: 'custom', message: `${label}${problem}` });
      else if (!visible(s)) ctx.addIssue({ code: 'custom', message: `请填写${label}` });
    })
    .describe(label);

/** Trimmed single-line text with a label and a length limit: names, numbers, titles. */
export const text = (label: string, max = 200) => checkedText(label, max, true);

/** Trimmed text that may run over several lines: reasons, contents, situations. */
export const paragraph = (label: string, max = 500) => checkedText(label, max, false);

/** Optional notes: may be empty, may run over several lines, never holds control characters. */
export const optionalText = (label: string, max = 500) =>
  z
    .string()
    .trim()
    .max(max, { message: `${label}不能超过 ${max} 个字` })
    .superRefine((s, ctx) => {
      const problem = textProblem(s, false);
      if (problem) ctx.addIssue({ code: 'custom', message: `${label}${problem}` });
    })
    .describe(label)
    .optional();

/** Money in integer 分: no negatives, fractions, NaN or absurd amounts (limit 100 亿元). */
export const MAX_FEN = 1_000_000_000_000;
export const fen = (label: string) =>
  z
    .number({ message: `${label}必须是数字` })
    .int({ message: `${label}必须精确到分` })
    .min(0, { message: `${label}不能为负数` })
    .max(MAX_FEN, { message: `${label}超出允许范围` })
    .describe(label);

export const positiveInt = (label: string, max = 1_000_000) =>
  z
    .number({ message: `${label}必须是数字` })
    .int({ message: `${label}必须是整数` })
    .min(1, { message: `${label}必须大于 0` })
    .max(max, { message: `${label}不能超过 ${max}` })
    .describe(label);

export const id = (label: string) => z.number().int().positive({ message: `请选择${label}` }).describe(label);

/** ISO date `YYYY-MM-DD`: a real calendar date (not 2026-02-30), year between MIN_YEAR and MAX_YEAR. */
export const isoDate = (label: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: `${label}格式应为 年-月-日` })
    .superRefine((s, ctx) => {
      const problem = dateProblem(s);
      if (problem) ctx.addIssue({ code: 'custom', message: problem === '不是有效日期' ? `${label}不是有效日期` : `${label}的${problem}` });
    })
    .describe(label);

/**
 * ISO date-time with an explicit offset, e.g. 2025-03-01T09:30:00+08:00. Impossible times
 * (2026-11-31T10:00) are refused; any offset is accepted and handed on as +08:00, so the core only
 * ever sees Shanghai times and a time's first ten characters are its Shanghai date.
 */
export const isoDateTime = (label: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, {
      message: `${label}格式不正确`,
    })
    .refine((s) => normaliseDateTime(s) !== null, { message: `${label}不是有效时间（年份应在 ${MIN_YEAR}—${MAX_YEAR} 年之间）` })
    .transform((s) => normaliseDateTime(s) as string)
    .describe(label);

export const year = z.number().int().min(2000).max(2100).describe('年度');

/** The list input every register shares (DESIGN.md "Names and contracts"). */
export const listInput = z.object({
  year: year.optional(),
  from: isoDate('开始日期').optional(),
  to: isoDate('结束日期').optional(),
  state: z.string().max(40).optional().describe('状态'),
  q: z.string().trim().max(100).optional().describe('关键词'),
  page: z.number().int().min(1).max(1_000_000).default(1).describe('页码'),
  pageSize: z.number().int().min(1).max(500).default(50).describe('每页条数'),
});
export type ListInput = z.input<typeof listInput>;

export const listOutput = <T extends z.ZodType>(row: T) => z.object({ rows: z.array(row), total: z.number().int() });

export const empty = z.object({}).strict().default({});
export const ok = z.object({ ok: z.literal(true) });
