// Paper forms of this area under `#/print/vehicles/…`: the 派车单 of one trip and the whole file of one
// vehicle (一车一档). The registers themselves print through the shared register layout.
import { useEffect, useRef, useState } from 'react';
import { Alert } from 'antd';
import { Route, Routes, useParams, useSearchParams } from 'react-router';
import type { RegisterDef } from '../../../db/contract/registers';
import { FLEET_REGISTER, LOG_KIND_LABELS, OBJECT_TYPES, TRIPS_REGISTER, TRIP_STATE_LABELS, VEHICLE_STATUS_LABELS, formatPlate, shortTime, tripFlags } from '../../../db/contract/vehicles';
import { api, useApiQuery } from '../../api';
import { approvalStep, FieldGrid, FormFooter, FormSheet, PrintToolbar, RegisterTable, SignatureBlocks, recordPrint, usePrintReady, type PrintAuditInfo, type PrintMeta, type PrintRow } from '../../print';
import { dt, yuan } from './util';

/** Unit name, preparer, print time and audit checkpoint for a form's footer. */
function useMeta(register: string) {
  const [meta, setMeta] = useState<PrintMeta | null>(null);
  useEffect(() => {
    void api.call('output.rows', { register, filter: {}, limit: 1 }).then((r) => setMeta({ unitName: r.unitName, preparedBy: r.preparedBy, generatedAt: r.generatedAt, checkpoint: r.checkpoint }));
  }, [register]);
  return meta;
}

/** When opened with ?record=print|pdf (the desktop's print pipeline), audit the print before the page is ready. */
function useRecorded(audit: PrintAuditInfo, loaded: boolean) {
  const [search] = useSearchParams();
  const record = search.get('record');
  const [recorded, setRecorded] = useState(!record);
  const once = useRef(false);
  useEffect(() => {
    if (!loaded || !record || once.current) return;
    once.current = true;
    void recordPrint(audit, record === 'pdf' ? 'pdf' : 'print').finally(() => setRecorded(true));
  }, [loaded, record, audit]);
  return recorded;
}

function TripForm() {
  const id = Number(useParams().id);
  const q = useApiQuery('vehicles.get', { id }, { enabled: id > 0 });
  const approvals = useApiQuery('approvals.forObject', { objectType: OBJECT_TYPES.trip, objectId: id }, { enabled: id > 0 });
  const meta = useMeta(TRIPS_REGISTER.key);
  const [audit] = useState<PrintAuditInfo>({ register: TRIPS_REGISTER.key, layout: 'form', objectId: String(id) });
  const loaded = !!q.data && !!meta && !!approvals.data;
  const recorded = useRecorded(audit, loaded);
  usePrintReady(loaded && recorded);
  if (q.error) return <Alert type="error" title={q.error.message} />;
  if (!q.data || !meta || !approvals.data) return null;
  const tr = q.data.trip;
  const last = approvals.data[approvals.data.length - 1];
  const flags = tripFlags(tr);
  const costs = q.data.logs.filter((l) => !l.voidedAt);
  return (
    <>
      <PrintToolbar title={`${meta.unitName}公务用车派车单 ${tr.number}`} audit={audit} />
      <FormSheet unitName={meta.unitName} title="公务用车派车单" number={tr.number} date={tr.appliedOn} keyedAt={tr.createdAt} footer={<FormFooter preparedBy={meta.preparedBy} generatedAt={meta.generatedAt} checkpoint={meta.checkpoint} />}>
        <FieldGrid
          fields={[
            { label: '用车人', value: tr.applicantName },
            { label: '用车部门', value: tr.department },
            { label: '用车事由', value: tr.reason, wide: true },
            { label: '目的地', value: tr.destination },
            { label: '乘车人数', value: `${tr.passengerCount} 人` },
            { label: '行车路线', value: tr.route, wide: true },
            { label: '乘车人员', value: tr.passengers, wide: true },
            { label: '计划出车', value: dt(tr.plannedOut) },
            { label: '计划回车', value: dt(tr.plannedReturn) },
            ...(tr.offDay ? [{ label: '节假日用车事由', value: tr.offDayReason, wide: true }] : []),
            { label: '车牌号', value: tr.plate ? formatPlate(tr.plate) : '' },
            { label: '驾驶员', value: tr.driverName ?? '' },
            { label: '出车时间', value: dt(tr.outAt) },
            { label: '出车里程', value: tr.outOdometer === null ? '' : `${tr.outOdometer} 公里` },
            { label: '回车时间', value: dt(tr.returnAt) },
            { label: '回车里程', value: tr.returnOdometer === null ? '' : `${tr.returnOdometer} 公里` },
            { label: '行驶公里', value: tr.distance === null ? '' : `${tr.distance} 公里` },
            { label: '费用', value: costs.length ? costs.map((c) => `${c.kind === 'cost' ? c.costType : LOG_KIND_LABELS[c.kind]} ${yuan(c.amount)} 元`).join('；') : '' },
            ...(tr.gap ? [{ label: '里程不连续', value: `上次回车里程 ${tr.expectedOdometer} 公里。${tr.gapReason}`, wide: true }] : []),
            { label: '备注', value: [tr.state !== 'returned' ? `（${TRIP_STATE_LABELS[tr.state]}）` : '', flags.filter((f) => f !== '里程不连续' && f !== '节假日用车').join('、'), tr.remarks, tr.voidReason ? `作废原因：${tr.voidReason}` : ''].filter(Boolean).join(' '), wide: true },
          ]}
        />
        <SignatureBlocks
          steps={[
            { label: '用车人签字', name: undefined },
            approvalStep('审批人意见', last, { approved: '批准', rejected: '驳回' }),
            { label: '办公室派车', name: tr.dispatchedByName ?? undefined, at: tr.dispatchedAt },
            { label: '驾驶员签字', name: undefined },
          ]}
        />
      </FormSheet>
    </>
  );
}

const FILE_TRIPS: RegisterDef = {
  ...TRIPS_REGISTER,
  // The register's paper columns without the plate (it is this car) and the signature cells.
  columns: [
    ...TRIPS_REGISTER.columns.filter((c) => !c.signature && !c.exportOnly && c.key !== 'plate' && c.key !== 'remarks'),
    { key: 'remarks', title: '备注', width: 59 },
  ],
};
const FILE_LOGS: RegisterDef = {
  ...FLEET_REGISTER,
  columns: [
    { key: 'date', title: '日期', width: 9, kind: 'date', align: 'center' },
    { key: 'kind', title: '类别', width: 7, align: 'center' },
    { key: 'place', title: '地点/单位', width: 16 },
    { key: 'content', title: '内容', width: 26 },
    { key: 'amount', title: '金额（元）', width: 9, kind: 'money', align: 'right' },
    { key: 'litres', title: '加油量（升）', width: 8, align: 'right' },
    { key: 'odometer', title: '里程', width: 7, align: 'right' },
    { key: 'person', title: '经办人/驾驶员', width: 8, align: 'center' },
    { key: 'remarks', title: '备注', width: 18 },
  ],
};
const FILE_STATUS: RegisterDef = {
  ...FLEET_REGISTER,
  columns: [
    { key: 'at', title: '时间', width: 12, kind: 'datetime', align: 'center' },
    { key: 'change', title: '状态变更', width: 12, align: 'center' },
    { key: 'reason', title: '原因', width: 50 },
    { key: 'by', title: '经办人', width: 10, align: 'center' },
  ],
};

function VehicleFile() {
  const id = Number(useParams().id);
  const [search] = useSearchParams();
  const year = Number(search.get('year')) || undefined;
  const q = useApiQuery('vehicles.vehicleFile', year ? { id, year } : { id }, { enabled: id > 0 });
  const meta = useMeta(FLEET_REGISTER.key);
  const [audit] = useState<PrintAuditInfo>({ register: FLEET_REGISTER.key, layout: 'form', objectId: String(id), filter: year ? { year } : {} });
  const loaded = !!q.data && !!meta;
  const recorded = useRecorded(audit, loaded);
  usePrintReady(loaded && recorded);
  if (q.error) return <Alert type="error" title={q.error.message} />;
  if (!q.data || !meta) return null;
  const { vehicle: v, trips, logs, statusChanges, totals } = q.data;
  const title = `${meta.unitName}公务车辆档案`;
  const tripRows: PrintRow[] = trips.map((t) => {
    const notes: string[] = [];
    if (t.state !== 'returned') notes.push(TRIP_STATE_LABELS[t.state]);
    if (t.voidReason) notes.push(`作废原因：${t.voidReason}`);
    if (t.gap) notes.push(`里程不连续（应为 ${t.expectedOdometer}）：${t.gapReason}`);
    if (t.offDay) notes.push(`节假日用车：${t.offDayReason}`);
    notes.push(...tripFlags({ ...t, gap: false, offDay: false }));
    if (t.remarks) notes.push(t.remarks);
    return {
      number: t.number,
      date: (t.outAt ?? t.plannedOut).slice(0, 10),
      applicant: `${t.applicantName}/${t.department}`,
      reason: t.reason,
      destination: t.destination,
      outTime: shortTime(t.outAt, (t.outAt ?? t.plannedOut).slice(0, 10)),
      returnTime: shortTime(t.returnAt, (t.outAt ?? t.plannedOut).slice(0, 10)),
      outOdometer: t.outOdometer,
      returnOdometer: t.returnOdometer,
      distance: t.distance,
      driver: t.driverName,
      approver: t.approverName,
      remarks: notes.join('；'),
      _flag: t.flagged,
    };
  });
  const logRows: PrintRow[] = logs.map((l) => ({
    date: l.date,
    kind: l.kind === 'cost' ? l.costType : LOG_KIND_LABELS[l.kind],
    place: l.place,
    content: l.content,
    amount: l.amount,
    litres: l.litres === null ? null : l.litres.toFixed(2),
    odometer: l.odometer,
    person: l.personName,
    remarks: [l.voidedAt ? `已作废：${l.voidReason}` : '', l.kind === 'violation' && l.points ? `扣 ${l.points} 分` : '', l.kind === 'accident' ? l.responsibility : '', l.resolution ? `处理：${l.resolution}` : '', l.remarks].filter(Boolean).join('；'),
  }));
  const statusRows: PrintRow[] = statusChanges.map((s) => ({ at: s.at, change: `${VEHICLE_STATUS_LABELS[s.fromStatus]}→${VEHICLE_STATUS_LABELS[s.toStatus]}`, reason: s.reason, by: s.byName }));
  return (
    <>
      <PrintToolbar title={`${title} ${v.plateDisplay}`} audit={audit} />
      <div className="paper paper-page paper-landscape vehicles-file">
        <h1 className="paper-title">{title}</h1>
        <div className="paper-caption">
          {v.plateDisplay}　{v.model}　{year ? `${year}年度` : '全部年度'}
        </div>
        <h2 className="vehicles-paper-h2">一、车辆基本情况</h2>
        <table className="paper-table vehicles-file-grid">
          <tbody>
            <tr>
              <th>车牌号</th>
              <td>{v.plateDisplay}</td>
              <th>品牌型号</th>
              <td>{v.model}</td>
              <th>车辆类型</th>
              <td>{v.vehicleType}</td>
              <th>能源类型</th>
              <td>{v.energy}</td>
            </tr>
            <tr>
              <th>车架号</th>
              <td colSpan={3}>{v.vin}</td>
              <th>发动机号</th>
              <td>{v.engineNo}</td>
              <th>核定座位</th>
              <td>{v.seats} 座</td>
            </tr>
            <tr>
              <th>购置日期</th>
              <td>{v.purchaseDate}</td>
              <th>购置价格</th>
              <td>{yuan(v.purchasePrice)} 元</td>
              <th>车身颜色</th>
              <td>{v.color}</td>
              <th>使用部门</th>
              <td>{v.department}</td>
            </tr>
            <tr>
              <th>专职驾驶员</th>
              <td>{v.driverName ?? ''}</td>
              <th>保险到期</th>
              <td>{v.insuranceExpiry}</td>
              <th>年检到期</th>
              <td>{v.inspectionExpiry}</td>
              <th>当前状态</th>
              <td>{VEHICLE_STATUS_LABELS[v.status]}</td>
            </tr>
            <tr>
              <th>建档时里程</th>
              <td>{v.odometerStart} 公里</td>
              <th>当前里程</th>
              <td>{v.lastOdometer} 公里</td>
              <th>备注</th>
              <td colSpan={3}>{v.notes}</td>
            </tr>
          </tbody>
        </table>
        <h2 className="vehicles-paper-h2">二、统计</h2>
        <table className="paper-table">
          <thead>
            <tr>
              <th>出车次数</th>
              <th>行驶公里</th>
              <th>加油量（升）</th>
              <th>燃油费（元）</th>
              <th>维修保养（元）</th>
              <th>路桥停车等（元）</th>
              <th>费用合计（元）</th>
              <th>每公里费用（元）</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td className="align-right">{totals.trips}</td>
              <td className="align-right">{totals.km}</td>
              <td className="align-right">{totals.fuelLitres.toFixed(2)}</td>
              <td className="align-right">{yuan(totals.fuelAmount)}</td>
              <td className="align-right">{yuan(totals.repairAmount)}</td>
              <td className="align-right">{yuan(totals.otherAmount)}</td>
              <td className="align-right">{yuan(totals.totalCost)}</td>
              <td className="align-right">{totals.costPerKm === null ? '—' : yuan(totals.costPerKm)}</td>
            </tr>
          </tbody>
        </table>
        <h2 className="vehicles-paper-h2">三、状态变更记录</h2>
        <RegisterTable def={FILE_STATUS} rows={statusRows} meta={meta} />
        <h2 className="vehicles-paper-h2">四、维修、加油、费用、事故及违章记录</h2>
        <RegisterTable def={FILE_LOGS} rows={logRows} meta={meta} />
        <h2 className="vehicles-paper-h2">五、出车记录</h2>
        <RegisterTable def={FILE_TRIPS} rows={tripRows} meta={meta} />
      </div>
    </>
  );
}

export function VehiclesPrint() {
  return (
    <Routes>
      <Route path="trip/:id" element={<TripForm />} />
      <Route path="file/:id" element={<VehicleFile />} />
    </Routes>
  );
}
