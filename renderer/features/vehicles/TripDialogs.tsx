// The steps of a trip as dialogs: 申请 (or its edit), 审批, 派车, 出车, 回车, 作废.
import { DepartmentSelect } from '../../components/DepartmentSelect';
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Checkbox, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { COST_TYPES, MAX_AVERAGE_KMH, applyInput, correctTripInput, departInput, returnInput, voidInput, type Trip } from '../../../db/contract/vehicles';
import { useApiMutation, useApiQuery, type ApiError } from '../../api';
import { ApprovalFields, approvalDefaults, approvalOf, type ApprovalValues } from '../../components/ApprovalFields';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyApiError } from '../../components/formErrors';
import { fieldRule } from '../../components/zodRule';
import { PersonSelect, VEHICLE_READS, dayOf, dt, isoOf, plate, toFen, usePeople, useVT, yuanRule } from './util';

const DT_FORMAT = 'YYYY-MM-DD HH:mm';

function OffDayNotice({ from, to, already, hintKey }: { from?: Dayjs | null; to?: Dayjs | null; already?: boolean; hintKey: 'trip.offDayHint' | 'trip.offDayActualHint' }) {
  const t = useVT();
  const enabled = !!from && !!to && !already && !to.isBefore(from);
  const q = useApiQuery('vehicles.offDays', { from: from ? isoOf(from) : '', to: to ? isoOf(to) : '' }, { enabled });
  const days = enabled ? (q.data ?? []) : [];
  if (!days.length) return null;
  return (
    <>
      <Alert className="vehicles-alert" type="warning" showIcon title={t(hintKey, { days: days.slice(0, 4).map((d) => `${d.date}（${d.name}）`).join('、') + (days.length > 4 ? '…' : '') })} />
      <Form.Item name="offDayReason" label={t('trip.offDayReason')} rules={[{ required: true, whitespace: true, message: `请填写${t('trip.offDayReason')}` }, ...fieldRule(applyInput, 'offDayReason')]}>
        <Input.TextArea rows={2} maxLength={200} showCount />
      </Form.Item>
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// 用车申请

interface ApplyValues {
  applicantId?: number;
  department?: string;
  appliedOn?: Dayjs;
  reason?: string;
  destination?: string;
  route?: string;
  passengers?: string;
  passengerCount?: number;
  planned?: [Dayjs, Dayjs];
  offDayReason?: string;
}

export function ApplyDialog({ trip, onClose, onSaved }: { trip: Trip | 'new'; onClose: () => void; onSaved?: (t: Trip) => void }) {
  const t = useVT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ApplyValues>();
  const [error, setError] = useState<ApiError | null>(null);
  const create = useApiMutation('vehicles.apply', VEHICLE_READS);
  const update = useApiMutation('vehicles.updateApplication', VEHICLE_READS);
  const people = usePeople();
  const isNew = trip === 'new';
  const planned = Form.useWatch('planned', form);

  const submit = async (v: ApplyValues) => {
    setError(null);
    const input = {
      applicantId: v.applicantId!,
      department: v.department ?? '',
      appliedOn: v.appliedOn ? dayOf(v.appliedOn) : undefined,
      reason: v.reason ?? '',
      destination: v.destination ?? '',
      route: v.route ?? '',
      passengers: v.passengers ?? '',
      passengerCount: v.passengerCount ?? 1,
      plannedOut: v.planned ? isoOf(v.planned[0]) : '',
      plannedReturn: v.planned ? isoOf(v.planned[1]) : '',
      offDayReason: v.offDayReason ?? '',
    };
    try {
      const r = isNew ? await create.mutateAsync(input) : await update.mutateAsync({ id: trip.id, ...input });
      message.success(isNew ? t('trip.created', { number: r.number }) : t('trip.updated', { number: r.number }));
      onSaved?.(r);
      onClose();
    } catch (e) {
      setError(applyApiError(form, e, { fieldMap: { plannedOut: 'planned', plannedReturn: 'planned' } }));
    }
  };

  const initial: ApplyValues = isNew
    ? { appliedOn: dayjs(), passengerCount: 1 }
    : {
        applicantId: trip.applicantId,
        department: trip.department,
        appliedOn: dayjs(trip.appliedOn),
        reason: trip.reason,
        destination: trip.destination,
        route: trip.route,
        passengers: trip.passengers,
        passengerCount: trip.passengerCount,
        planned: [dayjs(trip.plannedOut), dayjs(trip.plannedReturn)],
        offDayReason: trip.offDayReason,
      };

  return (
    <Modal
      open
      title={isNew ? t('trip.new') : `${t('trip.edit')} ${trip.number}`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      width={720}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={initial}
        aria-label={isNew ? t('trip.new') : t('trip.edit')}
        onValuesChange={(changed: ApplyValues) => {
          if (changed.applicantId) {
            const p = people.find((x) => x.id === changed.applicantId);
            if (p) form.setFieldValue('department', p.department);
          }
        }}
      >
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="applicantId" label={t('trip.applicant')} rules={[{ required: true, message: `请选择${t('trip.applicant')}` }]}>
              <PersonSelect />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="department" label={t('trip.department')} rules={fieldRule(applyInput, 'department')}>
              <DepartmentSelect />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="appliedOn" label={t('trip.appliedOn')}>
              <DatePicker className="vehicles-full" allowClear={false} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="reason" label={t('trip.reason')} rules={fieldRule(applyInput, 'reason')}>
          <Input.TextArea rows={2} maxLength={200} showCount />
        </Form.Item>
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item name="destination" label={t('trip.destination')} rules={fieldRule(applyInput, 'destination')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="route" label={t('trip.route')} rules={fieldRule(applyInput, 'route')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="passengers" label={t('trip.passengers')} rules={fieldRule(applyInput, 'passengers')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="passengerCount" label={t('trip.passengerCount')} rules={fieldRule(applyInput, 'passengerCount')}>
              <InputNumber min={1} max={60} precision={0} className="vehicles-full" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="planned" label={t('trip.planned')} rules={[{ required: true, message: `请选择${t('trip.planned')}` }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format={DT_FORMAT} className="vehicles-full" placeholder={[t('trip.plannedOut'), t('trip.plannedReturn')]} />
        </Form.Item>
        <OffDayNotice from={planned?.[0]} to={planned?.[1]} hintKey="trip.offDayHint" />
        <ErrorAlert error={error} />
      </Form>
    </Modal>
  );
}

// ---------------------------------------------------------------------------------------------
// 审批

interface ApproveValues {
  approval: ApprovalValues;
}

export function ApproveDialog({ trip, onClose }: { trip: Trip; onClose: () => void }) {
  const t = useVT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ApproveValues>();
  const [error, setError] = useState<ApiError | null>(null);
  const approve = useApiMutation('vehicles.approve', VEHICLE_READS);

  const submit = async (v: ApproveValues) => {
    setError(null);
    try {
      const r = await approve.mutateAsync({ id: trip.id, approval: approvalOf(v.approval) });
      message.success(t('approve.done', { decision: t(`approve.${v.approval.decision}`), number: r.number }));
      onClose();
    } catch (e) {
      form.setFieldValue(['approval', 'password'], '');
      setError(applyApiError(form, e));
    }
  };

  return (
    <Modal open title={t('approve.title', { number: trip.number })} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={approve.isPending} width={600} mask={{ closable: false }} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        {trip.applicantName}（{trip.department}）：{trip.reason} — {trip.destination}，{dt(trip.plannedOut)} 至 {dt(trip.plannedReturn)}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ approval: approvalDefaults() }} aria-label={t('approve.title', { number: trip.number })}>
        <ApprovalFields
          form={form}
          text={{ cosign: t('approve.cosign'), paper: t('approve.paper'), decision: t('approve.decision'), comment: t('approve.comment'), optional: '', cosignHint: null, paperHint: null, needSignedAt: t('approve.needSignedAt') }}
        />
        <Typography.Paragraph type="secondary" className="vehicles-note">
          {t('approve.segregation')}
        </Typography.Paragraph>
        <ErrorAlert error={error} />
      </Form>
    </Modal>
  );
}

// ---------------------------------------------------------------------------------------------
// 派车

export function DispatchDialog({ trip, onClose }: { trip: Trip; onClose: () => void }) {
  const t = useVT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ vehicleId?: number; driverId?: number }>();
  const [error, setError] = useState<ApiError | null>(null);
  const dispatch = useApiMutation('vehicles.dispatch', VEHICLE_READS);
  const avail = useApiQuery('vehicles.checkAvailability', { id: trip.id });
  const people = usePeople();
  const vehicleId = Form.useWatch('vehicleId', form);
  const driverId = Form.useWatch('driverId', form);
  const busyDriver = avail.data?.busyDrivers.find((d) => d.driverId === driverId);
  const chosen = avail.data?.vehicles.find((v) => v.id === vehicleId);

  const options = useMemo(
    () =>
      (avail.data?.vehicles ?? []).map((v) => {
        const reason = v.status !== 'available' ? t(`status.${v.status}`) : v.busyWith ? t('dispatch.busy') : trip.passengerCount + 1 > v.seats ? t('dispatch.seats', { n: v.seats }) : '';
        return { value: v.id, disabled: !!reason, label: `${plate(v.plate)} ${v.model} · ${t('dispatch.seats', { n: v.seats })}${reason ? `（${t('dispatch.notAvailable')}：${reason}）` : ''}`, search: `${v.plate}${plate(v.plate)}${v.model}` };
      }),
    [avail.data, t, trip.passengerCount],
  );

  const submit = async (v: { vehicleId?: number; driverId?: number }) => {
    setError(null);
    try {
      const r = await dispatch.mutateAsync({ id: trip.id, vehicleId: v.vehicleId ?? 0, driverId: v.driverId ?? 0 });
      message.success(t('dispatch.done', { plate: plate(r.plate), driver: r.driverName }));
      onClose();
    } catch (e) {
      setError(applyApiError(form, e));
    }
  };

  return (
    <Modal open title={t('dispatch.title', { number: trip.number })} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={dispatch.isPending} width={620} mask={{ closable: false }} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('dispatch.planned', { from: dt(trip.plannedOut), to: dt(trip.plannedReturn), n: trip.passengerCount })}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ vehicleId: trip.vehicleId ?? undefined, driverId: trip.driverId ?? undefined }}
        aria-label={t('dispatch.title', { number: trip.number })}
        onValuesChange={(c: { vehicleId?: number }) => {
          const v = avail.data?.vehicles.find((x) => x.id === c.vehicleId);
          if (v?.driverId) form.setFieldValue('driverId', v.driverId);
        }}
      >
        <Form.Item name="vehicleId" label={t('dispatch.vehicle')} rules={[{ required: true, message: `请选择${t('dispatch.vehicle')}` }]}>
          <Select showSearch={{ optionFilterProp: 'search' }} options={options} loading={avail.isLoading} />
        </Form.Item>
        {chosen?.busyWith ? <Alert className="vehicles-alert" type="warning" showIcon title={chosen.busyWith} /> : null}
        <Form.Item name="driverId" label={t('dispatch.driver')} rules={[{ required: true, message: `请选择${t('dispatch.driver')}` }]} extra={busyDriver ? <Typography.Text type="warning">{busyDriver.busyWith}</Typography.Text> : null}>
          <Select
            showSearch={{ optionFilterProp: 'search' }}
            options={people.map((p) => ({ value: p.id, label: `${p.name}${p.post ? `（${p.post}）` : ''}${avail.data?.busyDrivers.some((d) => d.driverId === p.id) ? ` · ${t('dispatch.busy')}` : ''}`, search: `${p.name}${p.post}` }))}
          />
        </Form.Item>
        <ErrorAlert error={error} />
      </Form>
    </Modal>
  );
}

// ---------------------------------------------------------------------------------------------
// 出车

interface DepartValues {
  outAt?: Dayjs;
  outOdometer?: number;
  gapReason?: string;
  offDayReason?: string;
}

export function DepartDialog({ trip, onClose }: { trip: Trip; onClose: () => void }) {
  const t = useVT();
  const { message } = App.useApp();
  const [form] = Form.useForm<DepartValues>();
  const [error, setError] = useState<ApiError | null>(null);
  const depart = useApiMutation('vehicles.depart', VEHICLE_READS);
  const detail = useApiQuery('vehicles.get', { id: trip.id });
  const last = detail.data?.lastReturnOdometer ?? null;
  const outAt = Form.useWatch('outAt', form);
  const odo = Form.useWatch('outOdometer', form);
  useEffect(() => {
    if (last !== null && form.getFieldValue('outOdometer') === undefined) form.setFieldValue('outOdometer', last);
  }, [last, form]);
  const diff = last !== null && typeof odo === 'number' ? odo - last : 0;

  const submit = async (v: DepartValues) => {
    setError(null);
    try {
      await depart.mutateAsync({ id: trip.id, outAt: v.outAt ? isoOf(v.outAt) : '', outOdometer: v.outOdometer ?? -1, gapReason: v.gapReason ?? '', offDayReason: v.offDayReason ?? '' });
      message.success(t('depart.done'));
      onClose();
    } catch (e) {
      setError(applyApiError(form, e));
    }
  };

  return (
    <Modal open title={t('depart.title', { number: trip.number })} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={depart.isPending} width={600} mask={{ closable: false }} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        {plate(trip.plate)} · {trip.driverName} · {trip.destination}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ outAt: dayjs() }} aria-label={t('depart.title', { number: trip.number })}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="outAt" label={t('trip.outAt')} rules={[{ required: true, message: `请选择${t('trip.outAt')}` }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format={DT_FORMAT} className="vehicles-full" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="outOdometer" label={`${t('trip.outOdometer')}（${t('common.km')}）`} rules={fieldRule(departInput, 'outOdometer')} extra={last !== null ? t('depart.last', { n: last }) : null}>
              <InputNumber min={0} precision={0} className="vehicles-full" />
            </Form.Item>
          </Col>
        </Row>
        {diff < 0 ? <Alert className="vehicles-alert" type="error" showIcon title={t('depart.backwards')} /> : null}
        {diff > 0 ? (
          <>
            <Alert className="vehicles-alert" type="warning" showIcon title={t('depart.gapHint', { n: diff })} />
            <Form.Item name="gapReason" label={t('trip.gapReason')} rules={[{ required: true, whitespace: true, message: `请填写${t('trip.gapReason')}` }, ...fieldRule(departInput, 'gapReason')]}>
              <Input.TextArea rows={2} maxLength={200} showCount />
            </Form.Item>
          </>
        ) : null}
        <OffDayNotice from={outAt} to={outAt} already={trip.offDay} hintKey="trip.offDayActualHint" />
        <ErrorAlert error={error} />
      </Form>
    </Modal>
  );
}

// ---------------------------------------------------------------------------------------------
// 回车

interface ReturnValues {
  returnAt?: Dayjs;
  returnOdometer?: number;
  costs?: { costType?: string; amount?: number; content?: string }[];
  hasFuel?: boolean;
  fuel?: { litres?: number; amount?: number; place?: string };
  violation?: boolean;
  accident?: boolean;
  remarks?: string;
  offDayReason?: string;
}

export function ReturnDialog({ trip, onClose }: { trip: Trip; onClose: () => void }) {
  const t = useVT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReturnValues>();
  const [error, setError] = useState<ApiError | null>(null);
  const ret = useApiMutation('vehicles.return', VEHICLE_READS);
  const returnAt = Form.useWatch('returnAt', form);
  const odo = Form.useWatch('returnOdometer', form);
  const hasFuel = Form.useWatch('hasFuel', form);
  const violation = Form.useWatch('violation', form);
  const accident = Form.useWatch('accident', form);
  const km = typeof odo === 'number' && trip.outOdometer !== null ? odo - trip.outOdometer : null;
  const hours = returnAt && trip.outAt ? returnAt.diff(dayjs(trip.outAt), 'minute') / 60 : null;
  const speed = km !== null && hours && hours > 0 ? km / hours : null;

  const submit = async (v: ReturnValues) => {
    setError(null);
    try {
      await ret.mutateAsync({
        id: trip.id,
        returnAt: v.returnAt ? isoOf(v.returnAt) : '',
        returnOdometer: v.returnOdometer ?? -1,
        costs: (v.costs ?? []).map((c) => ({ costType: (c.costType ?? '') as (typeof COST_TYPES)[number], amount: toFen(c.amount), content: c.content ?? '' })),
        fuel: v.hasFuel ? { litres: v.fuel?.litres ?? 0, amount: toFen(v.fuel?.amount), place: v.fuel?.place ?? '' } : null,
        violation: !!v.violation,
        accident: !!v.accident,
        remarks: v.remarks ?? '',
        offDayReason: v.offDayReason ?? '',
      });
      message.success(t('ret.done'));
      onClose();
    } catch (e) {
      setError(applyApiError(form, e));
    }
  };

  return (
    <Modal open title={t('ret.title', { number: trip.number })} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={ret.isPending} width={720} mask={{ closable: false }} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        {plate(trip.plate)} · {trip.driverName} · {t('trip.outAt')} {dt(trip.outAt)} · {t('trip.outOdometer')} {trip.outOdometer}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ returnAt: dayjs(), costs: [] }} aria-label={t('ret.title', { number: trip.number })}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="returnAt" label={t('trip.returnAt')} rules={[{ required: true, message: `请选择${t('trip.returnAt')}` }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format={DT_FORMAT} className="vehicles-full" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="returnOdometer" label={`${t('trip.returnOdometer')}（${t('common.km')}）`} rules={fieldRule(returnInput, 'returnOdometer')}>
              <InputNumber min={0} precision={0} className="vehicles-full" />
            </Form.Item>
          </Col>
        </Row>
        {km !== null && hours !== null && km >= 0 && hours > 0 ? (
          <Alert
            className="vehicles-alert"
            type={speed !== null && speed > MAX_AVERAGE_KMH ? 'warning' : 'info'}
            showIcon
            title={`${t('ret.summary', { km, hours: hours.toFixed(1), speed: speed?.toFixed(0) ?? '0' })}${speed !== null && speed > MAX_AVERAGE_KMH ? `。${t('ret.speedHint', { max: MAX_AVERAGE_KMH })}` : ''}`}
          />
        ) : null}
        <Typography.Text strong>{t('trip.costs')}</Typography.Text>
        <Form.List name="costs">
          {(fields, { add, remove }) => (
            <div className="vehicles-costs">
              {fields.map((f) => (
                <Space key={f.key} align="start" className="vehicles-cost-row">
                  <Form.Item name={[f.name, 'costType']} rules={[{ required: true, message: `请选择${t('ret.costType')}` }]}>
                    <Select placeholder={t('ret.costType')} className="vehicles-cost-type" options={COST_TYPES.map((c) => ({ value: c, label: c }))} aria-label={t('ret.costType')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'amount']} rules={[yuanRule('费用金额', { required: true, positive: true })]}>
                    <InputNumber placeholder={t('ret.amount')} min={0} precision={2} className="vehicles-amount" aria-label={t('ret.amount')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'content']}>
                    <Input placeholder={t('ret.content')} maxLength={100} aria-label={t('ret.content')} />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined aria-hidden />} onClick={() => remove(f.name)} aria-label={t('common.cancel')} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ costType: '路桥费' })}>
                {t('ret.addCost')}
              </Button>
            </div>
          )}
        </Form.List>
        <Form.Item name="hasFuel" valuePropName="checked" className="vehicles-check">
          <Checkbox>{t('ret.fuel')}</Checkbox>
        </Form.Item>
        {hasFuel ? (
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item name={['fuel', 'litres']} label={t('ret.litres')} rules={[{ required: true, message: `请填写${t('ret.litres')}` }]}>
                <InputNumber min={0.01} max={2000} precision={2} className="vehicles-full" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={['fuel', 'amount']} label={t('ret.fuelAmount')} rules={[yuanRule('加油金额', { required: true, positive: true })]}>
                <InputNumber min={0} precision={2} className="vehicles-full" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={['fuel', 'place']} label={t('ret.station')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
          </Row>
        ) : null}
        <Space size="large">
          <Form.Item name="violation" valuePropName="checked" className="vehicles-check">
            <Checkbox>{t('ret.violation')}</Checkbox>
          </Form.Item>
          <Form.Item name="accident" valuePropName="checked" className="vehicles-check">
            <Checkbox>{t('ret.accident')}</Checkbox>
          </Form.Item>
        </Space>
        {violation || accident ? <Alert className="vehicles-alert" type="warning" showIcon title={t('ret.incidentHint')} /> : null}
        <Form.Item name="remarks" label={t('trip.remarks')} rules={[...fieldRule(returnInput, 'remarks'), ...(violation || accident ? [{ required: true, whitespace: true, message: '发生违章或事故时请在备注中写明情况' }] : [])]}>
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
        <OffDayNotice from={trip.outAt ? dayjs(trip.outAt) : null} to={returnAt} already={trip.offDay} hintKey="trip.offDayActualHint" />
        <ErrorAlert error={error} />
      </Form>
    </Modal>
  );
}

// ---------------------------------------------------------------------------------------------
// 作废

export function VoidDialog({ trip, onClose }: { trip: Trip; onClose: () => void }) {
  const t = useVT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const [error, setError] = useState<ApiError | null>(null);
  const voidIt = useApiMutation('vehicles.void', VEHICLE_READS);
  const submit = async (v: { reason?: string }) => {
    setError(null);
    try {
      await voidIt.mutateAsync({ id: trip.id, reason: v.reason ?? '' });
      message.success(t('voidDlg.done'));
      onClose();
    } catch (e) {
      setError(applyApiError(form, e));
    }
  };
  return (
    <Modal open title={t('voidDlg.title', { number: trip.number })} okText={t('trip.actions.void')} okButtonProps={{ danger: true }} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={voidIt.isPending} mask={{ closable: false }} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('voidDlg.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} aria-label={t('voidDlg.title', { number: trip.number })}>
        <Form.Item name="reason" label={t('trip.voidReason')} rules={fieldRule(voidInput, 'reason')}>
          <Input.TextArea rows={2} maxLength={200} showCount autoFocus />
        </Form.Item>
        <ErrorAlert error={error} />
      </Form>
    </Modal>
  );
}

/** 更正里程: a returned trip's readings corrected, the original kept on record beside them. */
export function CorrectDialog({ trip, onClose }: { trip: Trip; onClose: () => void }) {
  const t = useVT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ outOdometer?: number; returnOdometer?: number; reason?: string }>();
  const [error, setError] = useState<ApiError | null>(null);
  const correct = useApiMutation('vehicles.correct', VEHICLE_READS);
  const submit = async (v: { outOdometer?: number; returnOdometer?: number; reason?: string }) => {
    setError(null);
    try {
      await correct.mutateAsync({ id: trip.id, outOdometer: v.outOdometer ?? -1, returnOdometer: v.returnOdometer ?? -1, reason: v.reason ?? '' });
      message.success(t('correctDlg.done'));
      onClose();
    } catch (e) {
      setError(applyApiError(form, e));
    }
  };
  return (
    <Modal open title={t('correctDlg.title', { number: trip.number })} okText={t('trip.actions.correct')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={correct.isPending} mask={{ closable: false }} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('correctDlg.hint', { out: trip.outOdometer, back: trip.returnOdometer })}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ outOdometer: trip.outOdometer ?? undefined, returnOdometer: trip.returnOdometer ?? undefined }} aria-label={t('correctDlg.title', { number: trip.number })}>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="outOdometer" label={`${t('trip.outOdometer')}（${t('common.km')}）`} rules={fieldRule(correctTripInput, 'outOdometer')}>
              <InputNumber min={0} precision={0} className="vehicles-full" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="returnOdometer" label={`${t('trip.returnOdometer')}（${t('common.km')}）`} rules={fieldRule(correctTripInput, 'returnOdometer')}>
              <InputNumber min={0} precision={0} className="vehicles-full" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="reason" label={t('correctDlg.reason')} rules={fieldRule(correctTripInput, 'reason')}>
          <Input.TextArea rows={2} maxLength={300} showCount />
        </Form.Item>
        <ErrorAlert error={error} />
      </Form>
    </Modal>
  );
}

export type TripAction = 'approve' | 'dispatch' | 'depart' | 'return' | 'void' | 'edit' | 'correct';

/** What may be done next with a trip, in the order the office does it. */
export function nextActions(trip: Trip): TripAction[] {
  switch (trip.state) {
    case 'pending':
      return ['approve', 'edit', 'void'];
    case 'approved':
      return ['dispatch', 'void'];
    case 'dispatched':
      return ['depart', 'dispatch', 'void'];
    case 'out':
      return ['return'];
    case 'returned':
      // Voiding is offered too; the core refuses it once a later departure depends on the trip.
      return ['correct', 'void'];
    default:
      return [];
  }
}

export function TripActionDialog({ action, trip, onClose }: { action: TripAction; trip: Trip; onClose: () => void }) {
  switch (action) {
    case 'approve':
      return <ApproveDialog trip={trip} onClose={onClose} />;
    case 'dispatch':
      return <DispatchDialog trip={trip} onClose={onClose} />;
    case 'depart':
      return <DepartDialog trip={trip} onClose={onClose} />;
    case 'return':
      return <ReturnDialog trip={trip} onClose={onClose} />;
    case 'void':
      return <VoidDialog trip={trip} onClose={onClose} />;
    case 'edit':
      return <ApplyDialog trip={trip} onClose={onClose} />;
    case 'correct':
      return <CorrectDialog trip={trip} onClose={onClose} />;
  }
}
