// The attachment store: scans and photos of receipts and basis documents, kept inside the database
// (so a backup carries them) with their SHA-256. The file's type is read from its first bytes, not
// from its name; anything but JPEG, PNG or PDF is refused, as is anything over 20 MB.
import { createHash } from 'node:crypto';
import type { Attachment, AttachmentKind } from '../contract/attachments';
import { MAX_ATTACHMENT_BYTES } from '../contract/attachments';
import type { Ctx } from './context';
import type { Db } from './open';
import { notFound, refuse } from './errors';
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

/** The object another active copy of this file is attached to, if any. */
export function sameFileElsewhere(db: Db, sha256: string): { objectType: string; objectId: number } | undefined {
  return stmt(db, 'SELECT object_type AS objectType, object_id AS objectId FROM attachments WHERE sha256 = ? AND voided_at IS NULL LIMIT 1').get(sha256) as { objectType: string; objectId: number } | undefined;
}

export function storeAttachment(ctx: Ctx<unknown>, a: { objectType: string; objectId: number; kind: AttachmentKind; name: string; bytes: Buffer; mime: Mime; sha256: string }): Attachment {
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

export function voidAttachment(ctx: Ctx<unknown>, id: number, reason: string): Attachment {
  stmt(ctx.db, 'UPDATE attachments SET voided_at = ?, void_reason = ?, voided_by_id = ? WHERE id = ?').run(ctx.nowIso, reason, ctx.me().userId, id);
  return loadAttachment(ctx.db, id);
}
