// Attachments any register may carry (receipts, basis documents, scans), stored in the database. PURE.
import { z } from 'zod';

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
