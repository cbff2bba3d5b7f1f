// The attachment store: scans and photos of receipts and basis documents, kept inside the database
// (so a backup carries them) with their SHA-256. The file's type is read from its first bytes, not
// from its name; anything but JPEG, PNG or PDF is refused, as is anything over 20 MB.
import { createHash } from 'node:crypto';
import type { MethodName } from '../contract';
import type { Attachment, AttachmentKind } from '../contract/attachments';
import { ATTACHMENT_KIND_LABELS, MAX_ATTACHMENT_BYTES } from '../contract/attachments';
import type { Ctx, PartialHandlers } from './context';
import type { Db } from './open';
import { DomainError, notFound, refuse } from './errors';
import { insertRow, stmt } from './rows';

type Mime = Attachment['mime'];

/** The type a file really is, from its magic bytes. */
export function sniffMime(b: Buffer): Mime | null {
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 5 && b.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}

/** Decode and check an upload; refuses with the field `dataBase64`. */
export function decodeUpload(dataBase64: string): { bytes: Buffer; mime: Mime; sha256: string } {
  const bytes = Buffer.from(dataBase64, 'base64');
  if (bytes.length === 0) refuse('附件是空文件', 'dataBase64');
  if (bytes.length > MAX_ATTACHMENT_BYTES) refuse(`附件不能超过 20 MB（此文件 ${(bytes.length / 1024 / 1024).toFixed(1)} MB）`, 'dataBase64');
  const mime = sniffMime(bytes);
  if (!mime) return refuse('附件只能是图片（JPG、PNG）或 PDF 文件', 'dataBase64');
  return { bytes, mime, sha256: createHash('sha256').update(bytes).digest('hex') };
}

const SELECT = `SELECT a.id, a.kind, a.name, a.mime, a.size, a.sha256, u.name AS uploadedByName, a.uploaded_at AS uploadedAt,
                       a.voided_at IS NOT NULL AS voided, a.void_reason AS voidReason
                FROM attachments a JOIN users u ON u.id = a.uploaded_by_id`;

const toAttachment = (r: Omit<Attachment, 'voided'> & { voided: number }): Attachment => ({ ...r, voided: !!r.voided });

export function attachmentsOf(db: Db, objectType: string, objectId: number): Attachment[] {
  return (stmt(db, `${SELECT} WHERE a.object_type = ? AND a.object_id = ? ORDER BY a.id`).all(objectType, objectId) as (Omit<Attachment, 'voided'> & { voided: number })[]).map(toAttachment);
}

/** Active attachments of one kind on an object. */
export function countAttachments(db: Db, objectType: string, objectId: number, kind: AttachmentKind): number {
  return (stmt(db, 'SELECT count(*) AS n FROM attachments WHERE object_type = ? AND object_id = ? AND kind = ? AND voided_at IS NULL').get(objectType, objectId, kind) as { n: number }).n;
}

export interface StoredAttachment extends Attachment {
  objectType: string;
  objectId: number;
}
export function loadAttachment(db: Db, id: number): StoredAttachment {
  const r = stmt(db, `${SELECT.replace('SELECT a.id,', 'SELECT a.id, a.object_type AS objectType, a.object_id AS objectId,')} WHERE a.id = ?`).get(id) as (Omit<StoredAttachment, 'voided'> & { voided: number }) | undefined;
  if (!r) return notFound('附件');
  return { ...r, voided: !!r.voided };
}
export const attachmentData = (db: Db, id: number) => (stmt(db, 'SELECT data FROM attachments WHERE id = ?').get(id) as { data: Buffer }).data;

/** The record of these types another active copy of this file is attached to, if any. */
function sameFileElsewhere(db: Db, sha256: string, objectTypes: string[]): { objectType: string; objectId: number } | undefined {
  const rows = stmt(db, 'SELECT object_type AS objectType, object_id AS objectId FROM attachments WHERE sha256 = ? AND voided_at IS NULL').all(sha256) as { objectType: string; objectId: number }[];
  return rows.find((r) => objectTypes.includes(r.objectType));
}

function storeAttachment(ctx: Ctx<unknown>, a: { objectType: string; objectId: number; kind: AttachmentKind; name: string; bytes: Buffer; mime: Mime; sha256: string }): Attachment {
  const id = insertRow(ctx.db, 'attachments', {
    object_type: a.objectType,
    object_id: a.objectId,
    kind: a.kind,
    name: a.name,
    mime: a.mime,
    size: a.bytes.length,
    sha256: a.sha256,
    data: a.bytes,
    uploaded_by_id: ctx.me().userId,
    uploaded_at: ctx.nowIso,
  });
  return loadAttachment(ctx.db, id);
}

function voidAttachment(ctx: Ctx<unknown>, id: number, reason: string): Attachment {
  stmt(ctx.db, 'UPDATE attachments SET voided_at = ?, void_reason = ?, voided_by_id = ? WHERE id = ?').run(ctx.nowIso, reason, ctx.me().userId, id);
  return loadAttachment(ctx.db, id);
}

/** How a register's records take files. */
export interface AttachableRecord {
  /** The record's number or title, for messages and the audit log. */
  label: (db: Db, objectId: number) => string;
  /** Refuses, with the reason in Chinese, when this record may no longer take or lose files. */
  assertOpen: (ctx: Ctx<unknown>, objectId: number, change: 'add' | 'withdraw') => void;
}

type AttachmentMethodName<P extends string> = Extract<MethodName, `${P}.attach` | `${P}.attachmentVoid` | `${P}.attachmentGet`>;

/**
 * The handlers behind `attachmentMethods(prefix, …)`: upload (type read from the bytes, ≤ 20 MB,
 * SHA-256 kept), withdraw with a reason (never delete), and fetch — each audited on the record.
 * With `oneRecordPerFile` the same file cannot be attached to two of this register's records (a
 * receipt reimbursed twice).
 */
export function attachmentHandlers<P extends string>(
  prefix: P,
  records: Record<string, AttachableRecord>,
  opts: { oneRecordPerFile?: boolean } = {},
): PartialHandlers<AttachmentMethodName<P>> {
  const types = Object.keys(records);
  const recordOf = (objectType: string) => {
    const r = records[objectType];
    if (!r) throw new DomainError('not_found', '附件不存在');
    return r;
  };
  const handlers = {
    [`${prefix}.attach`]: (ctx: Ctx<unknown>, input: { objectType: string; objectId: number; kind: AttachmentKind; name: string; dataBase64: string }) => {
      const record = recordOf(input.objectType);
      record.assertOpen(ctx, input.objectId, 'add');
      const f = decodeUpload(input.dataBase64);
      const elsewhere = opts.oneRecordPerFile ? sameFileElsewhere(ctx.db, f.sha256, types) : undefined;
      if (elsewhere) refuse(`同一文件已作为${recordOf(elsewhere.objectType).label(ctx.db, elsewhere.objectId)}的附件上传，不能重复使用`, 'dataBase64');
      const a = storeAttachment(ctx, { objectType: input.objectType, objectId: input.objectId, kind: input.kind, name: input.name, ...f });
      ctx.note({
        objectType: input.objectType,
        objectId: input.objectId,
        after: { attachment: a.id, kind: a.kind, name: a.name, mime: a.mime, size: a.size, sha256: a.sha256 },
        message: `${record.label(ctx.db, input.objectId)} 上传${ATTACHMENT_KIND_LABELS[a.kind]}“${a.name}”（${(a.size / 1024).toFixed(0)} KB，SHA-256 ${a.sha256.slice(0, 12)}…）`,
      });
      return a;
    },
    [`${prefix}.attachmentVoid`]: (ctx: Ctx<unknown>, input: { id: number; reason: string }) => {
      const a = loadAttachment(ctx.db, input.id);
      const record = recordOf(a.objectType);
      if (a.voided) refuse('该附件已撤下', 'id');
      record.assertOpen(ctx, a.objectId, 'withdraw');
      const r = voidAttachment(ctx, a.id, input.reason);
      ctx.note({ objectType: a.objectType, objectId: a.objectId, before: { attachment: a.id, name: a.name }, after: { voided: true, reason: input.reason }, message: `${record.label(ctx.db, a.objectId)} 撤下附件“${a.name}”：${input.reason}` });
      return r;
    },
    [`${prefix}.attachmentGet`]: (ctx: Ctx<unknown>, input: { id: number }) => {
      const a = loadAttachment(ctx.db, input.id);
      recordOf(a.objectType); // another register's file is not this register's to show
      const { objectType: _t, objectId: _i, ...rest } = a;
      return { ...rest, dataBase64: attachmentData(ctx.db, a.id).toString('base64') };
    },
  };
  return handlers as unknown as PartialHandlers<AttachmentMethodName<P>>;
}
