// The seal register's single forms on paper (portrait A4, the print framework's single-form layout):
// `#/print/seals/use/<id>` 用印审批单 and `#/print/seals/handover/<sealId>/<handoverId>` 印章交接单.
// The registers themselves (用印登记簿, 印章登记表, 印章交接登记表) print through the generic
// `#/print/register/<key>` route from their declared columns.
import { useEffect, useRef, useState } from 'react';
import { Alert } from 'antd';
import { Route, Routes, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Approval } from '../../../db/contract/approvals';
import type { Handover, Seal, UseDetail } from '../../../db/contract/seals';
import { api } from '../../api';
import { approvalStep, FieldGrid, FormFooter, FormSheet, PrintToolbar, SignatureBlocks, recordPrint, shanghaiDateTime, usePrintReady, type PrintAuditInfo, type PrintMeta } from '../../print';
import './i18n';

export function SealsPrint() {
  return (
    <Routes>
      <Route path="use/:id" element={<UseForm />} />
      <Route path="handover/:sealId/:id" element={<HandoverSlip />} />
    </Routes>
  );
}

/** Meta for the footer (unit, preparer, audit checkpoint) from the register this form belongs to. */
async function metaFor(register: string): Promise<PrintMeta> {
  const r = await api.call('output.rows', { register, filter: {}, limit: 1 });
  return { unitName: r.unitName, preparedBy: r.preparedBy, generatedAt: r.generatedAt, checkpoint: r.checkpoint };
}

/** Load, then record the print once when the desktop asks for it (`?record=print|pdf`), then signal ready. */
function useFormPrint<T>(load: () => Promise<T>, audit: PrintAuditInfo) {
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
  usePrintReady(!!state.data && recorded);
  return state;
}

const day = (iso: string | null | undefined) => (iso ? shanghaiDateTime(iso).slice(0, 10) : '');

function UseForm() {
  const { t } = useTranslation('seals');
  const { id = '' } = useParams();
  const audit: PrintAuditInfo = { register: 'seals.usage', layout: 'form', objectId: id };
  const { data, error } = useFormPrint(async () => {
    const n = Number(id);
    const [d, approvals, meta] = await Promise.all([api.call('seals.get', { id: n }), api.call('approvals.forObject', { objectType: 'seal_use', objectId: n }), metaFor('seals.usage')]);
    return { d, approvals, meta };
  }, audit);
  if (error) return <Alert type="error" title={error} />;
  if (!data) return null;
  const { d, approvals, meta } = data as { d: UseDetail; approvals: Approval[]; meta: PrintMeta };
  const decision = approvals.find((a) => a.decision === 'approved' || a.decision === 'rejected');
  const takeOut = d.takeOut
    ? [
        `计划 ${d.plannedOut} 借出，${d.plannedReturn} 前归还`,
        d.outAt ? `实际 ${shanghaiDateTime(d.outAt)} 借出` : '',
        d.returnedAt ? `${shanghaiDateTime(d.returnedAt)} 归还（${d.returnConfirmedName}确认）` : '',
      ]
        .filter(Boolean)
        .join('；')
    : t('print.takeOutNo');
  return (
    <>
      <PrintToolbar title={`${t('print.formTitle')} ${d.number}`} audit={audit} />
      <FormSheet
        unitName={meta.unitName}
        title={t('print.formTitle')}
        number={d.number}
        date={d.date}
        keyedAt={d.createdAt}
        footer={<FormFooter preparedBy={meta.preparedBy} generatedAt={meta.generatedAt} checkpoint={meta.checkpoint} />}
      >
        <FieldGrid
          fields={[
            { label: '申请人', value: d.applicantName },
            { label: '申请部门', value: d.department },
            { label: '印章', value: d.sealName },
            { label: '份数', value: `${d.copies} 份` },
            { label: '用印事由', value: d.reason, wide: true },
            { label: '文件名称', value: d.documentTitle, wide: true },
            { label: '文号', value: d.documentNo || '无', wide: true },
            { label: '是否外带', value: takeOut, wide: true },
            {
              label: '用印情况',
              value: d.stampedAt ? `${shanghaiDateTime(d.stampedAt)} 用印 ${d.stampedCount} 份，监印人 ${d.supervisorName}` : '（未用印）',
              wide: true,
            },
            ...(d.emergency ? [{ label: '事后补批', value: t('print.emergencyNote', { reason: d.emergencyReason, who: d.phoneApproverName }), wide: true }] : []),
            ...(d.state === 'void' ? [{ label: '作废', value: `${d.voidReason}（${d.voidedByName} ${day(d.voidedAt)}）`, wide: true }] : []),
            ...(d.remarks ? [{ label: '备注', value: d.remarks, wide: true }] : []),
          ]}
        />
        <SignatureBlocks
          steps={[
            { label: t('print.applicantSign'), text: `${d.applicantName}（${d.department}）申请用印`, at: d.createdAt },
            decision
              ? approvalStep(t('print.deptOpinion'), decision)
              : // An imported entry's approval is what the paper log says, dated by the paper only.
                {
                  label: t('print.deptOpinion'),
                  text: d.paperGap ? t('print.paperGap') : d.approvalMode === 'imported' ? t('print.importedApproval', { date: d.date }) : `应由 ${d.approverRuleText} 审批`,
                  name: d.approvalMode === 'imported' ? (d.approverName ?? undefined) : undefined,
                  at: null,
                },
            { label: t('print.supervisorSign'), text: d.stampedAt ? `已监督用印 ${d.stampedCount} 份` : '', name: d.supervisorName ?? undefined, at: d.stampedAt },
            ...(d.takeOut ? [{ label: t('print.returnSign'), text: d.returnedAt ? '印章已收回，完好' : '', name: d.returnConfirmedName ?? undefined, at: d.returnedAt }] : []),
          ]}
        />
      </FormSheet>
    </>
  );
}

function HandoverSlip() {
  const { t } = useTranslation('seals');
  const { sealId = '', id = '' } = useParams();
  const audit: PrintAuditInfo = { register: 'seals.handovers', layout: 'form', objectId: id };
  const { data, error } = useFormPrint(async () => {
    const [g, meta] = await Promise.all([api.call('seals.sealGet', { id: Number(sealId) }), metaFor('seals.handovers')]);
    const h = g.handovers.find((x) => x.id === Number(id));
    if (!h) throw new Error(t('print.notFound'));
    return { seal: g.seal, h, meta };
  }, audit);
  if (error) return <Alert type="error" title={error} />;
  if (!data) return null;
  const { seal, h, meta } = data as { seal: Seal; h: Handover; meta: PrintMeta };
  return (
    <>
      <PrintToolbar title={`${t('print.slipTitle')} ${h.number}`} audit={audit} />
      <FormSheet
        unitName={meta.unitName}
        title={t('print.slipTitle')}
        number={h.number}
        date={h.date}
        footer={<FormFooter preparedBy={meta.preparedBy} generatedAt={meta.generatedAt} checkpoint={meta.checkpoint} />}
      >
        <FieldGrid
          fields={[
            { label: '印章名称', value: seal.name, wide: true },
            { label: '印章类型', value: t(`kind.${seal.kind}`) },
            { label: '启用日期', value: seal.enabledOn },
            { label: '移交人', value: h.fromName ?? '（首次指定保管人）' },
            { label: '接收人', value: h.toName },
            { label: '监交人', value: h.witnessName ?? '' },
            { label: '交接日期', value: h.date },
            { label: '交接说明', value: h.note || '无', wide: true },
            { label: '交接内容', value: t('print.slipBody', { seal: seal.name, to: h.toName }), wide: true },
          ]}
        />
        <SignatureBlocks
          steps={[
            { label: '移交人', name: h.fromName ?? undefined, at: null },
            { label: '接收人', name: h.toName, at: null },
            { label: '监交人', name: h.witnessName ?? undefined, at: null },
          ]}
        />
      </FormSheet>
    </>
  );
}
