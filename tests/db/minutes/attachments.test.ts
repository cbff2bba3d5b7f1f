// Files on agenda items and meeting records: what reviewers approve cannot change after approval;
// a finalised record takes the scan of its signed paper copy but never loses a file.
import { describe, expect, it } from 'vitest';
import { businessSnapshot, ok, refused } from '../../helpers';
import { pdf, png } from '../expenses/fixture';
import { agendaInput, bureau, cosign, partyMeeting } from './fixture';

const file = (objectType: 'minutes.agenda' | 'minutes.meeting', objectId: number, name: string, dataBase64 = pdf()) => ({ objectType, objectId, kind: 'basis' as const, name, dataBase64 });

describe('agenda item files', () => {
  it('are kept with their hash while the item is in review, and refused once it is approved; nothing changes', async () => {
    const b = await bureau();
    const a = await ok(b.core, b.clerk.session, 'minutes.agendaSubmit', agendaInput(b));
    const f = await ok(b.core, b.clerk.session, 'minutes.attach', file('minutes.agenda', a.id, '合法性审查意见书.pdf'));
    expect(f).toMatchObject({ name: '合法性审查意见书.pdf', mime: 'application/pdf', uploadedByName: '李晓梅', voided: false });
    expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await ok(b.core, b.clerk.session, 'minutes.agendaGet', { id: a.id })).files.map((x) => x.name)).toEqual(['合法性审查意见书.pdf']);
    const got = await ok(b.core, b.auditor.session, 'minutes.attachmentGet', { id: f.id });
    expect(Buffer.from(got.dataBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const trail = await ok(b.core, b.auditor.session, 'audit.forObject', { objectType: 'minutes.agenda', objectId: String(a.id) });
    expect(trail.map((e) => e.message).join('\n')).toContain('上传文件依据“合法性审查意见书.pdf”');

    // an auditor looks but does not upload
    expect((await refused(b.core, b.auditor.session, 'minutes.attach', file('minutes.agenda', a.id, '补充.pdf'))).code).toBe('forbidden');
    // not a PDF or image, whatever its name says
    expect((await refused(b.core, b.clerk.session, 'minutes.attach', file('minutes.agenda', a.id, '会议材料.pdf', Buffer.from('MZ\x90\x00 not a pdf').toString('base64')))).message).toContain('图片（JPG、PNG）或 PDF');

    for (const step of ['leader', 'office', 'secretary'] as const)
      await ok(b.core, b.clerk.session, 'minutes.agendaReview', { id: a.id, step, approval: cosign(step === 'leader' ? 'lead' : step === 'office' ? 'office' : 'sec') });
    const before = businessSnapshot(b.core);
    const e = await refused(b.core, b.clerk.session, 'minutes.attach', file('minutes.agenda', a.id, '补充材料.pdf'));
    expect(e).toMatchObject({ code: 'rule', field: 'objectId' });
    expect(e.message).toContain('附件不能再改动');
    expect((await refused(b.core, b.clerk.session, 'minutes.attachmentVoid', { id: f.id, reason: '传错了' })).message).toContain('附件不能再改动');
    expect(businessSnapshot(b.core)).toBe(before);
    b.core.close();
  });
});

describe('meeting record files', () => {
  it('can be withdrawn from a draft with a reason; after finalising the signed scan is added but nothing is taken down', async () => {
    const b = await bureau();
    const m = await ok(b.core, b.clerk.session, 'minutes.create', partyMeeting(b, { summary: '传达学习上级会议精神。' }));
    const wrong = await ok(b.core, b.clerk.session, 'minutes.attach', { ...file('minutes.meeting', m.id, '签到表.png', png()), kind: 'other' });
    const w = await ok(b.core, b.clerk.session, 'minutes.attachmentVoid', { id: wrong.id, reason: '拍错了页' });
    expect(w).toMatchObject({ voided: true, voidReason: '拍错了页' });
    expect((await refused(b.core, b.clerk.session, 'minutes.attachmentVoid', { id: wrong.id, reason: '再撤一次' })).message).toBe('该附件已撤下');
    // withdrawn, not deleted: the bytes are still there for the auditor
    expect(b.core.state.db.prepare('SELECT count(*) AS n FROM attachments WHERE id = ?').get(wrong.id)).toEqual({ n: 1 });

    await ok(b.core, b.clerk.session, 'minutes.finalise', { id: m.id });
    const scan = await ok(b.core, b.clerk.session, 'minutes.attach', { ...file('minutes.meeting', m.id, '签字版会议记录.pdf'), kind: 'other' });
    const detail = await ok(b.core, b.clerk.session, 'minutes.get', { id: m.id });
    expect(detail.files.map((x) => [x.name, x.voided])).toEqual([
      ['签到表.png', true],
      ['签字版会议记录.pdf', false],
    ]);
    const before = businessSnapshot(b.core);
    const e = await refused(b.core, b.clerk.session, 'minutes.attachmentVoid', { id: scan.id, reason: '不要了' });
    expect(e.message).toContain('已定稿，附件不能撤下');
    expect(businessSnapshot(b.core)).toBe(before);
    b.core.close();
  });

  it('a voided record takes no files; one register cannot read another register’s files', async () => {
    const b = await bureau();
    const m = await ok(b.core, b.clerk.session, 'minutes.create', partyMeeting(b));
    const f = await ok(b.core, b.clerk.session, 'minutes.attach', file('minutes.meeting', m.id, '会议材料.pdf'));
    await ok(b.core, b.clerk.session, 'minutes.void', { id: m.id, reason: '误建' });
    const before = businessSnapshot(b.core);
    expect((await refused(b.core, b.clerk.session, 'minutes.attach', file('minutes.meeting', m.id, '又一份.pdf'))).message).toBe('会议记录已作废，附件不能再改动');
    expect(businessSnapshot(b.core)).toBe(before);
    expect((await refused(b.core, b.clerk.session, 'expenses.attachmentGet', { id: f.id })).code).toBe('not_found');
    expect((await refused(b.core, b.clerk.session, 'minutes.attachmentGet', { id: f.id + 1000 })).code).toBe('not_found');
    b.core.close();
  });
});
