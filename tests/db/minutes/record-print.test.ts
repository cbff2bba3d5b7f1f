// Issue 28: a printed 党组会议 record says where the 派驻纪检监察组组长 stood only when an item on it is
// 三重一大 (where the rule asks for the invitation), and never invents a reason (未填写) for it.
import { Fragment, createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ok } from '../../helpers';
import { recordBlocks } from '../../../renderer/features/minutes/print/recordDoc';
import { approvedItem, bureau, partyMeeting, type Bureau } from './fixture';

const meta = { unitName: '××区司法局', printedBy: '李晓梅', printedAt: '2026-12-08T09:00:00+08:00', checkpoint: { seq: 1, short: 'abcdef012345' } };
const ctx = { pageCount: 1, startPages: [1], totalPages: 1 };

async function meeting(b: Bureau, major: boolean, discipline: { invited: boolean; attended: boolean; reason: string }) {
  const a = await approvedItem(b, major ? {} : { major: '', amount: null, category: 'report', title: '关于上半年工作情况的汇报', decisionSought: '' });
  return ok(b.core, b.clerk.session, 'minutes.create', partyMeeting(b, { discipline: { name: '', ...discipline }, items: [{ agendaId: a.id, title: a.title, presenter: { name: '赵敏' }, remarks: [], outcome: 'noted' }] }));
}

const printedText = (m: Awaited<ReturnType<typeof meeting>>) =>
  recordBlocks(m, meta)
    .map((blk) => (blk.kind === 'node' ? renderToStaticMarkup(createElement(Fragment, null, blk.render(ctx))) : blk.text))
    .join('')
    .replace(/<[^>]+>/g, '');

describe('the 纪检监察 line of a printed 党组会议 record', () => {
  it('is left out where no item is 三重一大', async () => {
    const b = await bureau();
    const m = await meeting(b, false, { invited: false, attended: false, reason: '' });
    expect(printedText(m)).not.toContain('纪检监察');
    expect(printedText(m)).not.toContain('未填写');
    b.core.close();
  });

  it('is printed where one is, with the reason given and none invented', async () => {
    const b = await bureau();
    const absent = await meeting(b, true, { invited: true, attended: false, reason: '外出学习' });
    expect(printedText(absent)).toContain('纪检监察已邀请派驻纪检监察组组长陈静，未出席（原因：外出学习）');
    const present = await meeting(b, true, { invited: true, attended: true, reason: '' });
    expect(printedText(present)).toContain('纪检监察');
    expect(printedText(present)).not.toContain('未填写');
    b.core.close();
  });
});
