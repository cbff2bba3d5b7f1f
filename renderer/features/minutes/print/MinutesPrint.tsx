// Paper layouts of the minutes register under `#/print/minutes/…`:
//   record/:id           a meeting or 廉政谈话 record (portrait; header block, items, signatures, 本记录共 X 页)
//   agenda/:id           党组会议议题审核表
//   book/:typeId/:year   the year's book as one bound volume: cover, table of contents, every record
// The registers (minutes.meetings, minutes.agenda) print through the shared register layout.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert } from 'antd';
import { Route, Routes, useParams, useSearchParams } from 'react-router';
import { formatYuan, rmbUpper } from '../../../../db/contract/money';
import { AGENDA_REGISTER, CATEGORY_LABELS, bookOwner, bookTitle as bookTitleOf, MAJOR_LABELS, MEETINGS_REGISTER, OUTCOME_LABELS, REVIEW_STEPS, REVIEW_STEP_LABELS, type MeetingDetail } from '../../../../db/contract/minutes';
import type { Output } from '../../../../db/contract';
import { backEnteredOn } from '../../../../db/contract/time';
import { api, useApiQuery } from '../../../api';
import { approvalStep, FieldGrid, FormFooter, FormSheet, PrintToolbar, SignatureBlocks, recordPrint, usePrintReady, type PrintAuditInfo } from '../../../print';
import { Paged, type Block, type PagedDoc } from './Paged';
import { cnDate, recordDoc, recordTitle, type PrintMeta } from './recordDoc';
import '../minutes.css';

export function MinutesPrint() {
  return (
    <Routes>
      <Route path="record/:id" element={<RecordPrint />} />
      <Route path="agenda/:id" element={<AgendaPrint />} />
      <Route path="book/:typeId/:year" element={<BookPrint />} />
    </Routes>
  );
}

/** Unit, who prints, when, and the audit checkpoint: the footer of every sheet. */
function usePrintMeta(): PrintMeta | null {
  const info = useApiQuery('settings.publicInfo', {});
  const me = useApiQuery('accounts.me', {});
  const cp = useApiQuery('audit.checkpoint', {}, { staleTime: 0 });
  const [printedAt] = useState(() => new Date(Date.now() + 8 * 3_600_000).toISOString().replace('Z', '+08:00'));
  if (!info.data || !me.data || !cp.data) return null;
  return { unitName: info.data.unitName, printedBy: me.data.user.name, printedAt, checkpoint: cp.data };
}

/** The desktop's print pipeline opens the route with ?record=print|pdf: audit it once the sheets are ready. */
function useAutoRecord(ready: boolean, audit: PrintAuditInfo | null) {
  const [search] = useSearchParams();
  const record = search.get('record');
  const [done, setDone] = useState(!record);
  const once = useRef(false);
  useEffect(() => {
    if (!ready || !record || once.current || !audit) return;
    once.current = true;
    void recordPrint(audit, record === 'pdf' ? 'pdf' : 'print').finally(() => setDone(true));
  }, [ready, record, audit]);
  return done;
}

function PagedPrint({ title, audit, docs }: { title: string; audit: PrintAuditInfo; docs: PagedDoc[] }) {
  const [laidOut, setLaidOut] = useState(false);
  const onReady = useCallback(() => setLaidOut(true), []);
  const recorded = useAutoRecord(laidOut, audit);
  usePrintReady(laidOut && recorded);
  return (
    <>
      <PrintToolbar title={title} audit={audit} />
      <div className="minutes-paper paper">
        <Paged docs={docs} onReady={onReady} />
      </div>
    </>
  );
}

function RecordPrint() {
  const { id = '' } = useParams();
  const q = useApiQuery('minutes.get', { id: Number(id) });
  const meta = usePrintMeta();
  if (q.error) return <Alert type="error" title={q.error.message} />;
  if (!q.data || !meta) return null;
  const m = q.data;
  return <PagedPrint title={`${recordTitle(m, meta.unitName)}（${m.year}年第${m.number}次）`} audit={{ register: MEETINGS_REGISTER, layout: 'form', objectId: String(m.id), filter: { year: m.year } }} docs={[recordDoc(m, meta)]} />;
}

// ---- the yearly book: cover, contents, records ----------------------------------------------------

function useWholeBook(typeId: number, year: number) {
  const [state, setState] = useState<{ book: Output<'minutes.book'> | null; error: string | null }>({ book: null, error: null });
  useEffect(() => {
    let cancelled = false;
    (async () => {
      let first: Output<'minutes.book'> | null = null;
      const records: MeetingDetail[] = [];
      for (let offset = 0; ; offset += 20) {
        const r = await api.call('minutes.book', { typeId, year, offset, limit: 20 });
        first ??= r;
        records.push(...r.records);
        if (cancelled) return;
        if (records.length >= r.total || r.records.length < 20) break;
      }
      if (!cancelled && first) setState({ book: { ...first, records }, error: null });
    })().catch((e: Error) => !cancelled && setState({ book: null, error: e.message }));
    return () => {
      cancelled = true;
    };
  }, [typeId, year]);
  return state;
}

function BookPrint() {
  const { typeId = '', year = '' } = useParams();
  const { book, error } = useWholeBook(Number(typeId), Number(year));
  const meta = usePrintMeta();
  if (error) return <Alert type="error" title={error} />;
  if (!book || !meta) return null;
  const s = book.summary;
  const records = book.records;
  const first = records[0];
  const owner = bookOwner(meta.unitName, s.typeCode);
  const bookTitle = `${s.typeName}记录本`;
  const fullTitle = bookTitleOf(meta.unitName, s.typeCode, s.typeName);
  const dates = records.length ? `${cnDate(records[0].date)} 至 ${cnDate(records[records.length - 1].date)}` : '（本年度无记录）';
  const cover: PagedDoc = {
    key: 'cover',
    single: true,
    blocks: [
      {
        key: 'cover',
        kind: 'node',
        render: (c) => (
          <div className="mr-cover">
            <div className="mr-cover-unit">{owner}</div>
            <div className="mr-cover-title">{bookTitle}</div>
            <div className="mr-cover-year">{year}年</div>
            <table className="mr-cover-table">
              <tbody>
                <tr>
                  <td>保管期限：</td>
                  <td>{s.retention}</td>
                </tr>
                <tr>
                  <td>记录份数：</td>
                  <td>{records.length ? `${records.length} 份（第 1 次至第 ${records[records.length - 1].number} 次${s.voided ? `，其中作废 ${s.voided} 份` : ''}）` : '0 份'}</td>
                </tr>
                <tr>
                  <td>起止日期：</td>
                  <td>{dates}</td>
                </tr>
                <tr>
                  <td>本卷页数：</td>
                  <td>本卷共 {c.totalPages} 页</td>
                </tr>
                <tr>
                  <td>归档日期：</td>
                  <td>{meta.printedAt.slice(0, 10)}</td>
                </tr>
              </tbody>
            </table>
          </div>
        ),
      },
    ],
  };
  const tocRows: Block[] = [
    { key: 'toc-title', kind: 'node', render: () => <h1 className="mr-title">目　录</h1> },
    {
      key: 'toc-head',
      kind: 'node',
      render: () => <TocRow head cells={['编号', '日期', '主要议题 / 主题', '状态', '页码']} />,
    },
    ...records.map<Block>((r, i) => ({
      key: `toc-${r.id}`,
      kind: 'node',
      render: (c) => (
        <TocRow
          cells={[
            `第${r.number}次`,
            // A record entered afterwards stands in date order and says when it was entered.
            <>
              {r.date}
              {backEnteredOn(r.date, r.createdAt) ? <span className="mr-toc-late">{backEnteredOn(r.date, r.createdAt)} 补录</span> : null}
            </>,
            (r.kind === 'talk' ? `${r.persons.map((p) => p.name).join('、')}` : [r.topic, r.items.map((x) => x.title).join('；')].filter(Boolean).join('：')) || '—',
            r.state === 'voided' ? '作废' : r.state === 'draft' ? '未定稿' : r.flagged ? '已定稿（检查未通过）' : '已定稿',
            String(c.startPages[i + 2] ?? ''),
          ]}
        />
      ),
    })),
  ];
  const toc: PagedDoc = {
    key: 'toc',
    blocks: tocRows,
    head: () => (
      <>
        <span>{`${fullTitle}（${year}年）`}</span>
        <span>目录</span>
      </>
    ),
    foot: (_p, _n, v, c) => <span className="mp-foot-page">{`本卷第 ${v} 页 共 ${c.totalPages} 页`}</span>,
  };
  return (
    <PagedPrint
      title={`${fullTitle}（${year}年）`}
      audit={{ register: MEETINGS_REGISTER, layout: 'archive', filter: { year: Number(year), extra: { typeId: Number(typeId) } } }}
      docs={[cover, toc, ...records.map((r) => recordDoc(r, meta, true))]}
    />
  );
}

function TocRow({ cells, head }: { cells: ReactNode[]; head?: boolean }) {
  const Cell = head ? 'th' : 'td';
  return (
    <table className={`mr-toc${head ? ' mr-toc-head' : ''}`}>
      <colgroup>
        <col className="mr-toc-no" />
        <col className="mr-toc-date" />
        <col />
        <col className="mr-toc-state" />
        <col className="mr-toc-page" />
      </colgroup>
      <tbody>
        <tr>
          {cells.map((c, i) => (
            <Cell key={i}>{c}</Cell>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

// ---- 党组会议议题审核表 ---------------------------------------------------------------------------

function AgendaPrint() {
  const { id = '' } = useParams();
  const q = useApiQuery('minutes.agendaGet', { id: Number(id) });
  const meta = usePrintMeta();
  const a = q.data;
  const audit = a ? { register: AGENDA_REGISTER, layout: 'form' as const, objectId: String(a.id), filter: { year: a.year } } : null;
  const recorded = useAutoRecord(!!a && !!meta, audit);
  usePrintReady(!!a && !!meta && recorded);
  if (q.error) return <Alert type="error" title={q.error.message} />;
  if (!a || !meta) return null;
  const round = a.reviews.filter((r) => r.round === a.reviewRound);
  const title = a.typeName === '党组会议' ? '党组会议议题审核表' : `${a.typeName}议题审核表`;
  return (
    <>
      <PrintToolbar title={`${meta.unitName}${title} ${a.label}`} audit={audit!} />
      <FormSheet
        unitName={a.typeName === '党组会议' ? `中共${meta.unitName}` : meta.unitName}
        title={title}
        number={a.label}
        date={a.submittedOn}
        footer={<FormFooter preparedBy={meta.printedBy} generatedAt={meta.printedAt} checkpoint={meta.checkpoint} />}
      >
        <FieldGrid
          fields={[
            { label: '议题名称', value: a.title, wide: true },
            { label: '提出部门', value: a.department },
            { label: '汇 报 人', value: a.presenterName },
            { label: '建议列席', value: a.suggestedAttendees || '无', wide: true },
            { label: '议题类别', value: CATEGORY_LABELS[a.category] },
            { label: '三重一大', value: a.major ? MAJOR_LABELS[a.major] : '否' },
            { label: '涉及金额', value: a.amount !== null ? `¥${formatYuan(a.amount)}（人民币${rmbUpper(a.amount)}）` : '无', wide: true },
            { label: '提请决定事项', value: a.decisionSought || '无', wide: true },
            { label: '调查研究', value: a.researchDone ? a.researchNote || '已开展' : '未开展' },
            { label: '征求意见', value: a.consultationDone ? a.consultationNote || '已征求' : '未征求' },
            { label: '合法性审查', value: a.legalityDone ? a.legalityNote : a.legalityRequired ? '须审查，尚未审查' : '不需要', wide: true },
            { label: '附　　件', value: a.attachments.map((x) => `${x.name}${x.pages ? `（${x.pages}页）` : ''}`).join('；') || '无', wide: true },
          ]}
        />
        <SignatureBlocks
          steps={REVIEW_STEPS.map((step) => {
            const r = round.find((x) => x.step === step);
            const named = a.reviewers[step];
            if (r) return approvalStep(REVIEW_STEP_LABELS[step], { ...r, paperSignedAt: r.signedAt }, { approved: '同意', rejected: '退回' });
            return { label: REVIEW_STEP_LABELS[step], text: named ? `指定审核人：${named.name}` : '' };
          })}
        />
        <FieldGrid
          fields={[
            { label: '审核状态', value: `${{ reviewing: '审核中', returned: '已退回', approved: '审核通过，待上会', scheduled: '已列入议程', decided: '已上会', withdrawn: '已撤回' }[a.state]}${a.reviewRound > 1 ? `（第 ${a.reviewRound} 轮审核）` : ''}`, wide: true },
            { label: '上会情况', value: a.meetingLabel ? `${a.meetingLabel}${a.outcome ? `，${OUTCOME_LABELS[a.outcome]}` : ''}` : '尚未上会', wide: true },
          ]}
        />
      </FormSheet>
    </>
  );
}
