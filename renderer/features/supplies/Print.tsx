// The supplies register's own paper layouts: `#/print/supplies/acceptance/<id>` 履约验收单 (form with
// the acceptance lines and signature blocks) and `#/print/supplies/stocktake/<id>` 盘点表 (the count
// sheet, blank for counting or filled, with 盘点人/复核人/监盘人). The registers themselves
// (明细账, 领用登记表, 收发存台账, 物品目录, 采购验收登记簿) print through `#/print/register/<key>`.
import { useEffect, useRef, useState } from 'react';
import { Alert } from 'antd';
import { Route, Routes, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { REGISTER_DEFS } from '../../../db/contract/registers';
import { CHANNEL_LABELS, formatQty, QUALITY_LABELS, ACCEPT_RESULT_LABELS, type PurchaseDetail, type StocktakeDetail } from '../../../db/contract/supplies';
import { formatYuan } from '../../../db/contract/money';
import { api } from '../../api';
import { Amount, FieldGrid, FormFooter, FormSheet, PrintToolbar, RegisterTable, SignatureBlocks, recordPrint, usePrintReady, type PrintAuditInfo, type PrintMeta, type PrintRow } from '../../print';
import './i18n';

export function SuppliesPrint() {
  return (
    <Routes>
      <Route path="acceptance/:id" element={<AcceptanceForm />} />
      <Route path="stocktake/:id" element={<StocktakeSheet />} />
    </Routes>
  );
}

/** Meta for the footer (unit, preparer, audit checkpoint) from the register a form belongs to. */
export async function metaFor(register: string): Promise<PrintMeta> {
  const r = await api.call('output.rows', { register, filter: {}, limit: 1 });
  return { unitName: r.unitName, preparedBy: r.preparedBy, generatedAt: r.generatedAt, checkpoint: r.checkpoint };
}

/** Load, record the print once when the desktop asks for it (`?record=print|pdf`), then signal ready. */
export function useFormPrint<T>(load: () => Promise<T>, audit: PrintAuditInfo, extraReady = true) {
  const [search] = useSearchParams();
  const record = search.get('record');
  const [state, setState] = useState<{ data: T | null; error: string | null }>({ data: null, error: null });
  const [recorded, setRecorded] = useState(!record);
  const once = useRef(false);
  useEffect(() => {
    let cancelled = false;
    load()
      .then((data) => !cancelled && setState({ data, error: null }))
      .catch((e: Error) => !cancelled && setState({ data: null, error: e.message }));
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [audit.objectId]);
  useEffect(() => {
    if (!state.data || !record || once.current) return;
    once.current = true;
    void recordPrint(audit, record === 'pdf' ? 'pdf' : 'print').finally(() => setRecorded(true));
  }, [state.data, record, audit]);
  usePrintReady(!!state.data && recorded && extraReady);
  return state;
}

function AcceptanceForm() {
  const { t } = useTranslation('supplies');
  const { id = '' } = useParams();
  const audit: PrintAuditInfo = { register: 'supplies.purchases', layout: 'form', objectId: id };
  const { data, error } = useFormPrint(async () => {
    const [d, meta] = await Promise.all([api.call('supplies.purchaseGet', { id: Number(id) }), metaFor('supplies.purchases')]);
    return { d, meta };
  }, audit);
  if (error) return <Alert type="error" title={error} />;
  if (!data) return null;
  const { d, meta } = data as { d: PurchaseDetail; meta: PrintMeta };
  const accepted = d.state === 'accepted';
  // The form prints what the acceptors signed; a later 入库更正 follows it as its own section.
  const corrections = d.lines.flatMap((l) => l.corrections.map((c) => ({ ...c, line: l })));
  const signedQty = (l: PurchaseDetail['lines'][number]) => (l.corrections.length ? l.corrections[0].beforeQty : l.acceptedQty);
  const signedTotal = d.acceptedTotal === null ? null : d.acceptedTotal - corrections.reduce((a, c) => a + c.afterAmount - c.beforeAmount, 0);
  return (
    <>
      <PrintToolbar title={`${t('print.acceptance')} ${d.number}`} audit={audit} />
      <FormSheet unitName={meta.unitName} title={t('print.acceptance')} number={d.number} date={d.acceptedOn ?? d.date} footer={<FormFooter preparedBy={meta.preparedBy} generatedAt={meta.generatedAt} checkpoint={meta.checkpoint} />}>
        <FieldGrid
          fields={[
            { label: '采购方式', value: `${CHANNEL_LABELS[d.channel]}${d.channelReason ? `（${d.channelReason}）` : ''}` },
            { label: '订单号/合同号', value: d.orderNo },
            { label: '供应商', value: d.supplier },
            { label: '资金来源', value: d.fundingSource },
            { label: '采购日期', value: d.date },
            { label: '验收日期', value: d.acceptedOn ?? t('print.notAccepted') },
            { label: '采购金额', value: <Amount fen={d.total} />, wide: true },
          ]}
        />
        <table className="paper-table sup-accept-table">
          <thead>
            <tr>
              <th>序号</th>
              <th>品名及规格</th>
              <th>单位</th>
              <th>采购数量</th>
              <th>单价（元）</th>
              <th>金额（元）</th>
              <th>实收合格数量</th>
              <th>质量情况</th>
              <th>情况说明</th>
            </tr>
          </thead>
          <tbody>
            {d.lines.map((l) => (
              <tr key={l.id}>
                <td className="align-center">{l.lineNo}</td>
                <td>
                  {l.name}
                  {l.spec ? `（${l.spec}）` : ''}
                  {l.isAsset ? `【固定资产${l.brand || l.model ? `：${[l.brand, l.model].filter(Boolean).join(' ')}` : ''}】` : ''}
                </td>
                <td className="align-center">{l.unit}</td>
                <td className="align-right">{formatQty(l.quantity)}</td>
                <td className="align-right">{formatYuan(l.unitPrice)}</td>
                <td className="align-right">{formatYuan(l.amount)}</td>
                <td className="align-right">{signedQty(l) === null ? '' : formatQty(signedQty(l)!)}</td>
                <td className="align-center">{l.quality ? QUALITY_LABELS[l.quality] : ''}</td>
                <td>{[l.acceptNote, l.assetNumbers.length ? `资产编号 ${l.assetNumbers.join('、')}` : ''].filter(Boolean).join('；')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <FieldGrid
          fields={[
            {
              label: '实收金额',
              value:
                accepted && signedTotal !== null ? (
                  <>
                    <Amount fen={signedTotal} />
                    {corrections.length ? `（入库更正后 ¥${formatYuan(d.acceptedTotal!)}）` : null}
                  </>
                ) : (
                  ''
                ),
              wide: true,
            },
            { label: '发现的问题', value: d.problems || (accepted ? '无' : ''), wide: true },
            { label: '验收结论', value: d.result ? `${ACCEPT_RESULT_LABELS[d.result]}。${d.opinion}` : '', wide: true },
          ]}
        />
        {corrections.length ? (
          <table className="paper-table sup-correction-table">
            <caption>验收后入库更正</caption>
            <thead>
              <tr>
                <th>更正日期</th>
                <th>品名</th>
                <th>更正前（数量／金额）</th>
                <th>更正后（数量／金额）</th>
                <th>更正原因</th>
                <th>经办人</th>
              </tr>
            </thead>
            <tbody>
              {corrections.map((c) => (
                <tr key={c.id}>
                  <td className="align-center">{c.correctedOn}</td>
                  <td>{`${c.line.lineNo}. ${c.line.name}`}</td>
                  <td className="align-right">{`${formatQty(c.beforeQty)} ${c.line.unit}／${formatYuan(c.beforeAmount)}`}</td>
                  <td className="align-right">{`${formatQty(c.afterQty)} ${c.line.unit}／${formatYuan(c.afterAmount)}`}</td>
                  <td>{[c.reason, c.unpostedAmount ? `其中 ${formatYuan(c.unpostedAmount)} 元属已发出部分，未调整库存金额` : ''].filter(Boolean).join('；')}</td>
                  <td className="align-center">{c.recordedByName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <SignatureBlocks
          steps={[
            ...(d.acceptors.length ? d.acceptors.map((a, i) => ({ label: `${t('print.accSign')}${d.acceptors.length > 1 ? i + 1 : ''}`, name: a.name, text: '' })) : [{ label: t('print.accSign') }, { label: `${t('print.accSign')}2` }]),
            { label: t('print.buyerSign'), name: d.buyerName },
            { label: t('print.officeSign') },
          ]}
        />
      </FormSheet>
    </>
  );
}

function StocktakeSheet() {
  const { t } = useTranslation('supplies');
  const { id = '' } = useParams();
  const audit: PrintAuditInfo = { register: 'supplies.stocktake', layout: 'form', objectId: id, filter: { extra: { stocktakeId: Number(id) } } };
  const { data, error } = useFormPrint(async () => {
    const [d, out] = await Promise.all([api.call('supplies.stocktakeGet', { id: Number(id) }), api.call('output.rows', { register: 'supplies.stocktake', filter: { extra: { stocktakeId: Number(id) } }, limit: 5000 })]);
    const meta: PrintMeta = { unitName: out.unitName, preparedBy: out.preparedBy, generatedAt: out.generatedAt, checkpoint: out.checkpoint };
    return { d, rows: out.rows as PrintRow[], meta };
  }, audit);
  if (error) return <Alert type="error" title={error} />;
  if (!data) return null;
  const { d, rows, meta } = data as { d: StocktakeDetail; rows: PrintRow[]; meta: PrintMeta };
  const def = REGISTER_DEFS['supplies.stocktake'];
  return (
    <>
      <PrintToolbar title={`${t('print.stocktake')} ${d.number}`} audit={audit} />
      <div className="paper paper-page">
        <h1 className="paper-title">
          {meta.unitName}
          {t('print.stocktake')}
        </h1>
        <div className="paper-caption">
          {d.number}　{d.title}　盘点日期：{d.date}　{d.state === 'confirmed' ? `已确认（盘盈 ${formatYuan(d.gainAmount)} 元，盘亏 ${formatYuan(d.lossAmount)} 元）` : d.state === 'void' ? '已作废' : '盘点中'}
        </div>
        <RegisterTable def={def} rows={rows} meta={meta} />
        <div className="sup-sign-row">
          <span>{t('print.countedSign')}：{d.countedByName ?? '＿＿＿＿＿＿'}　＿＿＿＿＿＿</span>
          <span>{t('print.checkedSign')}：{d.checkedByName ?? '＿＿＿＿＿＿'}　＿＿＿＿＿＿</span>
          <span>{t('print.supervisorSign')}：＿＿＿＿＿＿</span>
        </div>
      </div>
    </>
  );
}
