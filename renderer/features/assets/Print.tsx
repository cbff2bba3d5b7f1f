// The asset register's own paper layouts:
//   `#/print/assets/card/<id>`        固定资产卡片 (portrait form with its movement history)
//   `#/print/assets/labels?ids=1,2,3` QR labels on an A4 label sheet (3 × 8, 70 × 37 mm); the QR code
//                                     encodes the asset number, drawn as a data: PNG (the CSP allows it)
//   `#/print/assets/disposal/<id>`    固定资产处置审批表 with signature blocks
//   `#/print/assets/check/<id>`       固定资产清查表 with 清查人/复核人/监盘人
// The asset list (明细表, by department/user/location), the movement and disposal registers print
// through `#/print/register/<key>` from their declared columns.
import { useEffect, useState } from 'react';
import { Alert } from 'antd';
import QRCode from 'qrcode';
import { Route, Routes, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { REGISTER_DEFS } from '../../../db/contract/registers';
import { ASSET_MOVE_LABELS, ASSET_STATUS_LABELS, DISPOSAL_METHOD_LABELS, type CheckDetail, type DisposalDetail } from '../../../db/contract/assets';
import type { Approval } from '../../../db/contract/approvals';
import type { Output } from '../../../db/contract';
import { formatYuan } from '../../../db/contract/money';
import { api } from '../../api';
import { Amount, approvalStep, FieldGrid, FormFooter, FormSheet, PrintToolbar, RegisterTable, SignatureBlocks, type PrintAuditInfo, type PrintMeta, type PrintRow } from '../../print';
import { metaFor, useFormPrint } from '../supplies/Print';
import './i18n';

export function AssetsPrint() {
  return (
    <Routes>
      <Route path="card/:id" element={<CardForm />} />
      <Route path="labels" element={<Labels />} />
      <Route path="disposal/:id" element={<DisposalForm />} />
      <Route path="check/:id" element={<CheckSheet />} />
    </Routes>
  );
}

function CardForm() {
  const { t } = useTranslation('assets');
  const { id = '' } = useParams();
  const audit: PrintAuditInfo = { register: 'assets.cards', layout: 'form', objectId: id };
  const { data, error } = useFormPrint(async () => {
    const [d, meta] = await Promise.all([api.call('assets.get', { id: Number(id) }), metaFor('assets.cards')]);
    return { d, meta };
  }, audit);
  if (error) return <Alert type="error" title={error} />;
  if (!data) return null;
  const { d, meta } = data as { d: Output<'assets.get'>; meta: PrintMeta };
  const c = d.card;
  return (
    <>
      <PrintToolbar title={`${t('print.card')} ${c.number}`} audit={audit} />
      <FormSheet unitName={meta.unitName} title={t('print.card')} number={c.number} date={c.bookedOn} keyedAt={c.createdAt} footer={<FormFooter preparedBy={meta.preparedBy} generatedAt={meta.generatedAt} checkpoint={meta.checkpoint} />}>
        <FieldGrid
          fields={[
            { label: '资产编号', value: c.number },
            { label: '资产名称', value: c.name },
            { label: '资产类别', value: c.category },
            { label: '品牌', value: c.brand },
            { label: '规格型号', value: c.model },
            { label: '出厂编号', value: c.serialNo },
            { label: '原值', value: <Amount fen={c.originalValue} />, wide: true },
            { label: '资金来源', value: c.fundingSource },
            { label: '取得方式', value: c.purchaseMethod },
            { label: '购置日期', value: c.purchasedOn },
            { label: '入账日期', value: c.bookedOn },
            { label: '供应商', value: c.supplier },
            { label: '采购单', value: c.purchaseNumber ?? '' },
            { label: '使用部门', value: c.department },
            { label: '使用人', value: c.userName },
            { label: '存放地点', value: c.location },
            { label: '状态', value: `${ASSET_STATUS_LABELS[c.status]}${c.disposalNumber ? `（${c.disposalNumber}）` : ''}` },
            ...(c.remarks ? [{ label: '备注', value: c.remarks, wide: true }] : []),
          ]}
        />
        <h2 className="paper-subtitle">{t('print.movements')}</h2>
        <table className="paper-table">
          <thead>
            <tr>
              <th>日期</th>
              <th>变动类型</th>
              <th>变动前</th>
              <th>变动后</th>
              <th>说明</th>
              <th>经办人</th>
            </tr>
          </thead>
          <tbody>
            {[...d.movements].reverse().map((m) => (
              <tr key={m.id}>
                <td className="align-center">{m.date}</td>
                <td className="align-center">{ASSET_MOVE_LABELS[m.kind]}</td>
                <td>{m.fromStatus ? `${ASSET_STATUS_LABELS[m.fromStatus]}：${m.fromHolder}` : ''}</td>
                <td>{`${ASSET_STATUS_LABELS[m.toStatus]}：${m.toHolder}`}</td>
                <td>{[m.refNumber, m.note].filter(Boolean).join('；')}</td>
                <td className="align-center">{m.recordedByName}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <SignatureBlocks steps={[{ label: '使用人', name: c.userName || undefined }, { label: '资产管理员' }]} />
      </FormSheet>
    </>
  );
}

interface Label {
  id: number;
  number: string;
  name: string;
  model: string;
  department: string;
  location: string;
  qr: string;
}

function Labels() {
  const { t } = useTranslation('assets');
  const [search] = useSearchParams();
  const ids = (search.get('ids') ?? '')
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0)
    .slice(0, 500);
  const audit: PrintAuditInfo = { register: 'assets.cards', layout: 'other', objectId: ids.slice(0, 5).join(',').slice(0, 40), filter: { extra: { ids: ids.join(',').slice(0, 200) } } };
  const [images, setImages] = useState(false);
  const { data, error } = useFormPrint(
    async () => {
      const [rows, meta] = await Promise.all([api.call('assets.labels', { ids }), metaFor('assets.cards')]);
      const labels: Label[] = await Promise.all(rows.map(async (r) => ({ ...r, qr: await QRCode.toDataURL(r.number, { errorCorrectionLevel: 'M', margin: 1, width: 240 }) })));
      return { labels, meta };
    },
    audit,
    images,
  );
  useEffect(() => {
    if (!data) return;
    // Ready only when every QR image has been decoded (the PDF must contain them).
    const imgs = [...document.querySelectorAll<HTMLImageElement>('.asset-label img')];
    void Promise.all(imgs.map((i) => (i.complete ? Promise.resolve() : i.decode().catch(() => undefined)))).then(() => setImages(true));
  }, [data]);
  if (error) return <Alert type="error" title={error} />;
  if (!data) return null;
  const { labels, meta } = data as { labels: Label[]; meta: PrintMeta };
  const pages: Label[][] = [];
  for (let i = 0; i < labels.length; i += 24) pages.push(labels.slice(i, i + 24));
  return (
    <>
      <PrintToolbar title={`${t('print.labels')}（${labels.length}）`} audit={audit} />
      {pages.map((p, i) => (
        <div key={i} className="paper label-sheet">
          {p.map((l) => (
            <div key={l.id} className="asset-label" data-number={l.number}>
              <img src={l.qr} alt={l.number} className="asset-label-qr" />
              <div className="asset-label-text">
                <div className="asset-label-unit">{meta.unitName}</div>
                <div className="asset-label-number">{l.number}</div>
                <div className="asset-label-name">
                  {l.name}
                  {l.model ? ` ${l.model}` : ''}
                </div>
                <div className="asset-label-where">{[l.department, l.location].filter(Boolean).join(' · ')}</div>
              </div>
            </div>
          ))}
        </div>
      ))}
    </>
  );
}

function DisposalForm() {
  const { t } = useTranslation('assets');
  const { id = '' } = useParams();
  const audit: PrintAuditInfo = { register: 'assets.disposals', layout: 'form', objectId: id };
  const { data, error } = useFormPrint(async () => {
    const [d, approvals, meta] = await Promise.all([api.call('assets.disposalGet', { id: Number(id) }), api.call('approvals.forObject', { objectType: 'asset_disposal', objectId: Number(id) }), metaFor('assets.disposals')]);
    return { d, approvals, meta };
  }, audit);
  if (error) return <Alert type="error" title={error} />;
  if (!data) return null;
  const { d, approvals, meta } = data as { d: DisposalDetail; approvals: Approval[]; meta: PrintMeta };
  const decision = approvals[approvals.length - 1];
  return (
    <>
      <PrintToolbar title={`${t('print.disposal')} ${d.number}`} audit={audit} />
      <FormSheet unitName={meta.unitName} title={t('print.disposal')} number={d.number} date={d.date} keyedAt={d.createdAt} footer={<FormFooter preparedBy={meta.preparedBy} generatedAt={meta.generatedAt} checkpoint={meta.checkpoint} />}>
        <FieldGrid
          fields={[
            { label: '处置方式', value: DISPOSAL_METHOD_LABELS[d.method] },
            { label: '申请人', value: d.applicantName },
            { label: '原值合计', value: <Amount fen={d.totalValue} />, wide: true },
            { label: '处置原因', value: d.reason, wide: true },
            {
              label: '集体决策',
              value: d.decisionRequired ? `${d.decisionLabel ?? d.decisionRef}${d.decisionPending ? '（待集体决策核验）' : ''}` : `未达集体决策标准（${formatYuan(d.decisionThreshold)} 元）`,
              wide: true,
            },
            ...(d.executedOn ? [{ label: '处置情况', value: `${d.executedOn} ${d.executedNote}${d.proceeds ? `；处置收入 ${formatYuan(d.proceeds)} 元` : ''}`, wide: true }] : []),
          ]}
        />
        <table className="paper-table">
          <thead>
            <tr>
              <th>资产编号</th>
              <th>资产名称</th>
              <th>规格型号</th>
              <th>购置日期</th>
              <th>原值（元）</th>
              <th>使用部门</th>
            </tr>
          </thead>
          <tbody>
            {d.assets.map((c) => (
              <tr key={c.id}>
                <td>{c.number}</td>
                <td>{c.name}</td>
                <td>{[c.brand, c.model].filter(Boolean).join(' ')}</td>
                <td className="align-center">{c.purchasedOn}</td>
                <td className="align-right">{formatYuan(c.originalValue)}</td>
                <td>{c.department}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <SignatureBlocks
          steps={[
            { label: t('print.applicantSign'), name: d.applicantName, at: d.createdAt },
            { label: t('print.officeSign') },
            { label: t('print.financeSign') },
            approvalStep(t('print.leaderSign'), decision),
          ]}
        />
      </FormSheet>
    </>
  );
}

function CheckSheet() {
  const { t } = useTranslation('assets');
  const { id = '' } = useParams();
  const audit: PrintAuditInfo = { register: 'assets.check', layout: 'form', objectId: id, filter: { extra: { checkId: Number(id) } } };
  const { data, error } = useFormPrint(async () => {
    const [d, out] = await Promise.all([api.call('assets.checkGet', { id: Number(id) }), api.call('output.rows', { register: 'assets.check', filter: { extra: { checkId: Number(id) } }, limit: 5000 })]);
    const meta: PrintMeta = { unitName: out.unitName, preparedBy: out.preparedBy, generatedAt: out.generatedAt, checkpoint: out.checkpoint };
    return { d, rows: out.rows as PrintRow[], meta };
  }, audit);
  if (error) return <Alert type="error" title={error} />;
  if (!data) return null;
  const { d, rows, meta } = data as { d: CheckDetail; rows: PrintRow[]; meta: PrintMeta };
  return (
    <>
      <PrintToolbar title={`${t('print.check')} ${d.number}`} audit={audit} />
      <div className="paper paper-page paper-landscape">
        <h1 className="paper-title">
          {meta.unitName}
          {t('print.check')}
        </h1>
        <div className="paper-caption">
          {d.number}　{d.title}　清查日期：{d.date}　范围：{d.scopeValue || '全部资产'}
          {d.state === 'confirmed' ? `　账实相符 ${d.okCount} 项，问题 ${d.problemCount} 项` : ''}
        </div>
        <RegisterTable def={REGISTER_DEFS['assets.check']} rows={rows} meta={meta} />
        {d.surplus ? <div className="paper-caption">账外资产（盘盈）：{d.surplus}</div> : null}
        <div className="sup-sign-row">
          <span>{t('print.checkerSign')}：{d.checkerName ?? '＿＿＿＿＿＿'}　＿＿＿＿＿＿</span>
          <span>{t('print.reviewerSign')}：{d.reviewerName ?? '＿＿＿＿＿＿'}　＿＿＿＿＿＿</span>
          <span>{t('print.supervisorSign')}：＿＿＿＿＿＿</span>
        </div>
      </div>
    </>
  );
}
