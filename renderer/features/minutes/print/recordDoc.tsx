// A meeting (or 廉政谈话) record on paper, as blocks for the paginator: title, header block, items with
// remarks by name, vote and decision, the 三重一大 checks, amendments, and the closing signatures with
// "本记录共 X 页". Everything the record holds is printed as text.
import type { ReactNode } from 'react';
import { rmbUpper, formatYuan } from '../../../../db/contract/money';
import { MAJOR_LABELS, OUTCOME_LABELS, TALK_KIND_LABELS, type MeetingDetail } from '../../../../db/contract/minutes';
import type { Block, PagedDoc, RenderCtx } from './Paged';

export interface PrintMeta {
  unitName: string;
  printedBy: string;
  printedAt: string;
  checkpoint: { seq: number; short: string };
}

const CN = '零一二三四五六七八九';
export function cnNumber(n: number): string {
  if (n < 10) return CN[n];
  if (n < 20) return `十${n % 10 ? CN[n % 10] : ''}`;
  if (n < 100) return `${CN[Math.floor(n / 10)]}十${n % 10 ? CN[n % 10] : ''}`;
  return String(n);
}
export const cnDate = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
const at = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** 中共××区司法局党组会议记录 / ××区司法局局务会议记录 / ××区司法局廉政谈话记录 */
export function recordTitle(m: Pick<MeetingDetail, 'typeCode' | 'typeName'>, unit: string) {
  return m.typeCode === 'party_group' ? `中共${unit}党组会议记录` : `${unit}${m.typeName}记录`;
}

const amount = (fen: number) => `¥${formatYuan(fen)}（人民币${rmbUpper(fen)}）`;

function Row({ cells }: { cells: [string, ReactNode][] }) {
  // Every header row is its own table with the same columns, so rows can fall on separate sheets.
  return (
    <table className="mr-grid">
      <colgroup>
        <col className="mr-col-label" />
        <col />
        {cells.length > 1 ? (
          <>
            <col className="mr-col-label" />
            <col />
          </>
        ) : null}
      </colgroup>
      <tbody>
        <tr>
          {cells.map(([label, value], i) => [
            <th key={`h${i}`}>{label}</th>,
            <td key={`d${i}`} colSpan={cells.length === 1 ? 3 : 1}>
              {value}
            </td>,
          ])}
        </tr>
      </tbody>
    </table>
  );
}

const node = (key: string, render: (c: RenderCtx) => ReactNode, keepWithNext = false): Block => ({ key, kind: 'node', render, keepWithNext });
const text = (key: string, t: string, prefix?: string, className?: string): Block => ({ key, kind: 'text', text: t, prefix, className });
const line = (key: string, label: string, value: string, keepWithNext = false) =>
  node(
    key,
    () => (
      <p className="mp-text mr-line">
        <strong>{label}</strong>
        {value}
      </p>
    ),
    keepWithNext,
  );

export function recordBlocks(m: MeetingDetail, meta: PrintMeta): Block[] {
  const b: Block[] = [];
  const talk = m.kind === 'talk';
  b.push(
    node('title', () => (
      <div className="mr-title-block">
        <h1 className="mr-title">{recordTitle(m, meta.unitName)}</h1>
        <div className="mr-subtitle">
          {m.year}年第{m.number}次{m.state === 'draft' ? '（草稿，未定稿）' : ''}
        </div>
      </div>
    )),
  );
  if (m.state === 'voided') b.push(node('void', () => <p className="mp-text mr-void">本记录已作废。作废原因：{m.voidReason}</p>));

  const time = `${cnDate(m.date)} ${m.startTime}—${m.endTime}`;
  if (talk) {
    b.push(node('h1', () => <Row cells={[['谈话时间', time]]} />));
    b.push(node('h1b', () => <Row cells={[['谈话地点', m.place]]} />));
    b.push(node('h2', () => <Row cells={[['谈话类型', m.talkKind ? TALK_KIND_LABELS[m.talkKind] : ''], ['记 录 人', m.recorder.name]]} />));
    b.push(node('h3', () => <Row cells={[['谈 话 人', m.host.name]]} />));
    b.push(node('h4', () => <Row cells={[['谈话对象', m.persons.map((p) => `${p.name}${p.post ? `（${p.post}）` : ''}`).join('、')]]} />));
    b.push(line('content-h', '谈话内容：', '', true));
    m.summary.split('\n').forEach((para, i) => b.push(text(`content-${i}`, para, undefined, 'mr-para')));
    b.push(line('response-h', '谈话对象表态：', '', true));
    (m.response || '（无）').split('\n').forEach((para, i) => b.push(text(`response-${i}`, para, undefined, 'mr-para')));
  } else {
    const present = m.members.filter((x) => x.present);
    const absent = m.members.filter((x) => !x.present);
    b.push(node('h1', () => <Row cells={[['会议时间', time]]} />));
    b.push(node('h1b', () => <Row cells={[['会议地点', m.place]]} />));
    b.push(node('h2', () => <Row cells={[['主 持 人', m.host.name], ['记 录 人', m.recorder.name]]} />));
    if (m.topic) b.push(node('h3', () => <Row cells={m.form ? [[m.kind === 'study' ? '学习主题' : '会议主题', m.topic], ['学习形式', m.form]] : [[m.kind === 'study' ? '学习主题' : '会议主题', m.topic]]} />));
    b.push(node('h4', () => <Row cells={[['应到人数', `${m.members.length} 人`], ['实到人数', `${present.length} 人`]]} />));
    b.push(node('h5', () => <Row cells={[['出席人员', present.map((x) => x.name).join('、') || '无']]} />));
    b.push(node('h6', () => <Row cells={[['缺席人员', absent.map((x) => `${x.name}（${x.absentReason}）`).join('、') || '无']]} />));
    b.push(node('h7', () => <Row cells={[['列席人员', m.attendees.map((x) => `${x.name}${x.post ? `（${x.post}）` : ''}`).join('、') || '无']]} />));
    // The 派驻纪检监察组 is invited where a 三重一大 matter is decided; elsewhere the line says nothing worth printing.
    if (m.decidesMajor && m.items.some((i) => i.major)) {
      const who = `派驻纪检监察组组长${m.discipline.name}`;
      const why = m.discipline.reason ? `（原因：${m.discipline.reason}）` : '';
      const d = m.discipline.attended ? `${who}列席` : m.discipline.invited ? `已邀请${who}，未出席${why}` : `未邀请派驻纪检监察组组长列席${why}`;
      b.push(node('h8', () => <Row cells={[['纪检监察', d]]} />));
    }
    if (m.items.length) {
      b.push(
        node('agenda', () => (
          <div className="mr-agenda">
            <p className="mp-text mr-line">
              <strong>会议议题：</strong>
            </p>
            {m.items.map((it) => (
              <p key={it.id} className="mp-text mr-agenda-item">
                {it.seq}. {it.title}
              </p>
            ))}
          </div>
        )),
      );
    }
    m.items.forEach((it) => {
      const k = `i${it.id}`;
      b.push(node(`${k}-t`, () => <h2 className="mr-item-title">{`${cnNumber(it.seq)}、${it.title}`}</h2>, true));
      const meta2 = [it.presenter?.name ? `汇报人：${it.presenter.name}` : '', it.attendees.length ? `列席：${it.attendees.map((a) => `${a.name}${a.post ? `（${a.post}）` : ''}`).join('、')}` : '', it.agendaLabel ? `审核编号：${it.agendaLabel}` : '']
        .filter(Boolean)
        .join('　');
      if (meta2) b.push(text(`${k}-m`, meta2, undefined, 'mr-meta'));
      if (it.major) b.push(text(`${k}-major`, `${MAJOR_LABELS[it.major]}${it.amount !== null ? `，涉及金额 ${amount(it.amount)}` : ''}`, '三重一大事项：', 'mr-meta'));
      if (it.remarks.length) {
        b.push(line(`${k}-rh`, m.kind === 'study' ? '交流发言：' : '讨论发言：', '', true));
        it.remarks.forEach((r, j) => r.content.split('\n').forEach((para, pi) => b.push(text(`${k}-r${j}-${pi}`, para, pi === 0 ? `${r.speaker.name}：` : undefined, 'mr-para'))));
      }
      if (it.voteFor !== null) b.push(text(`${k}-v`, `同意 ${it.voteFor} 票，反对 ${it.voteAgainst ?? 0} 票，弃权 ${it.voteAbstain ?? 0} 票${it.voteNote ? `（${it.voteNote}）` : ''}`, '表决情况：', 'mr-meta'));
      b.push(text(`${k}-o`, OUTCOME_LABELS[it.outcome], '议定结果：', 'mr-meta'));
      if (it.decision) it.decision.split('\n').forEach((para, pi) => b.push(text(`${k}-d${pi}`, para, pi === 0 ? '决定事项：' : undefined, 'mr-para mr-decision')));
      if (it.executor) b.push(text(`${k}-e`, it.executor, '落实责任：', 'mr-meta'));
    });
    if (m.summary) {
      b.push(line('summary-h', m.kind === 'study' ? '学习情况：' : '会议概况：', '', true));
      m.summary.split('\n').forEach((para, i) => b.push(text(`summary-${i}`, para, undefined, 'mr-para')));
    }
  }

  if (m.checks.length) {
    b.push(line('checks-h', '三重一大事项程序检查：', '', true));
    m.checks.forEach((c, i) => b.push(text(`check-${i}`, c.message, c.ok ? '【符合】' : '【不符合】', c.ok ? 'mr-check' : 'mr-check mr-check-bad')));
    if (m.flagged) b.push(text('ack', m.ackReason, '检查未通过，定稿时确认说明：', 'mr-check mr-check-bad'));
  }
  if (m.attachments.length) b.push(text('att', m.attachments.map((a) => `${a.name}${a.pages ? `（${a.pages}页）` : ''}`).join('；'), '附件：', 'mr-meta'));
  if (m.amendments.length) {
    b.push(line('amend-h', '更正记录：', '', true));
    m.amendments.forEach((a) =>
      b.push(text(`amend-${a.seq}`, `${a.itemSeq ? `（涉及议题${a.itemSeq}）` : ''}${a.content}　更正原因：${a.reason}　更正时间：${at(a.amendedAt)}　签名：${a.signer.name}　登记人：${a.recordedByName}`, `第${a.seq}条：`, 'mr-para')),
    );
  }
  if (m.state === 'finalised' && m.finalisedAt) b.push(text('final', `${at(m.finalisedAt)}，${m.finalisedByName ?? ''}`, '定稿：', 'mr-meta'));
  b.push({
    key: 'sign',
    kind: 'node',
    keepWithPrevious: true,
    render: (c) => (
      <div className="mr-sign">
        {talk ? (
          <div className="mr-sign-row">
            <span>谈话人（签字）：＿＿＿＿＿＿</span>
            <span>谈话对象（签字）：＿＿＿＿＿＿</span>
            <span>记录人（签字）：＿＿＿＿＿＿</span>
          </div>
        ) : (
          <div className="mr-sign-row">
            <span>主持人（签字）：＿＿＿＿＿＿＿＿</span>
            <span>记录人（签字）：＿＿＿＿＿＿＿＿</span>
          </div>
        )}
        <div className="mr-total">本记录共 {c.pageCount} 页</div>
      </div>
    ),
  });
  return b;
}

/** A record as one paged document with its running header and footer. */
export function recordDoc(m: MeetingDetail, meta: PrintMeta, book = false): PagedDoc {
  const title = recordTitle(m, meta.unitName);
  return {
    key: `m${m.id}`,
    blocks: recordBlocks(m, meta),
    head: () => (
      <>
        <span>{title}</span>
        <span>
          {m.year}年第{m.number}次
        </span>
      </>
    ),
    foot: (page, pages, volumePage, c) => (
      <>
        <span className="mp-foot-meta">
          打印：{meta.printedBy} {at(meta.printedAt)}　审计检查点 #{meta.checkpoint.seq} {meta.checkpoint.short}
        </span>
        <span className="mp-foot-page">
          {book ? `本记录第 ${page} 页 共 ${pages} 页　本卷第 ${volumePage} 页 共 ${c.totalPages} 页` : `第 ${page} 页　本记录共 ${pages} 页`}
        </span>
      </>
    ),
  };
}
