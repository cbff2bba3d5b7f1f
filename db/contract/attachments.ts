// Attachments any register may carry (receipts, basis documents, scans), stored in the database. PURE.
// A register offers them through three methods built here (`<register>.attach`, `.attachmentVoid`,
// `.attachmentGet`), so every register takes files the same way and the renderer has one component.
import { z } from 'zod';
import { id, text, type Access, paragraph } from './common';
import type { MethodDef } from './method';

export const ATTACHMENT_KINDS = ['receipt', 'basis', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
export const ATTACHMENT_KIND_LABELS: Record<AttachmentKind, string> = { receipt: '发票/收据', basis: '文件依据', other: '其他附件' };
export const ATTACHMENT_MIMES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export const attachmentShape = z.object({
  id: z.number(),
  kind: z.enum(ATTACHMENT_KINDS),
  name: z.string(),
  mime: z.enum(ATTACHMENT_MIMES),
  size: z.number(),
  sha256: z.string(),
  uploadedByName: z.string(),
  uploadedAt: z.string(),
  voided: z.boolean(),
  voidReason: z.string().nullable(),
});
export type Attachment = z.infer<typeof attachmentShape>;
export const attachmentFileShape = attachmentShape.extend({ dataBase64: z.string() });

/** Upload one file to one record of the given object types. */
export const attachInputFor = <T extends readonly [string, ...string[]]>(objectTypes: T) =>
  z.object({
    objectType: z.enum(objectTypes).describe('附件所属'),
    objectId: id('记录'),
    kind: z.enum(ATTACHMENT_KINDS, { message: '请选择附件类型' }).describe('附件类型'),
    name: text('文件名', 120),
    /** The file's bytes in base64 (≤ 20 MB decoded); its type is read from the bytes, not the name. */
    dataBase64: z
      .string()
      .min(1, { message: '请选择文件' })
      .max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 4, { message: '附件不能超过 20 MB' })
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: '附件内容不是有效的文件数据' })
      .describe('附件'),
  });
export const attachmentVoidInput = z.object({ id: id('附件'), reason: paragraph('撤下原因', 200) });
const attachmentGetInput = z.object({ id: id('附件') });

type AttachInput<T extends readonly [string, ...string[]]> = ReturnType<typeof attachInputFor<T>>;
export type AttachmentMethods<P extends string, T extends readonly [string, ...string[]]> = Record<
  `${P}.attach`,
  MethodDef<AttachInput<T>, typeof attachmentShape> & { kind: 'write' }
> &
  Record<`${P}.attachmentVoid`, MethodDef<typeof attachmentVoidInput, typeof attachmentShape> & { kind: 'write' }> &
  Record<`${P}.attachmentGet`, MethodDef<typeof attachmentGetInput, typeof attachmentFileShape> & { kind: 'read' }>;

/** The three attachment methods of a register: who may upload and withdraw, who may look. */
export function attachmentMethods<P extends string, T extends readonly [string, ...string[]]>(
  prefix: P,
  objectTypes: T,
  access: { write: Access; read: Access },
): AttachmentMethods<P, T> {
  return {
    [`${prefix}.attach`]: { title: '上传附件', access: access.write, kind: 'write', input: attachInputFor(objectTypes), output: attachmentShape },
    [`${prefix}.attachmentVoid`]: { title: '撤下附件', access: access.write, kind: 'write', input: attachmentVoidInput, output: attachmentShape },
    [`${prefix}.attachmentGet`]: { title: '查看附件', access: access.read, kind: 'read', input: attachmentGetInput, output: attachmentFileShape },
  } as AttachmentMethods<P, T>;
}
