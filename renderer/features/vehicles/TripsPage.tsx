// 公务用车使用登记: the trips with the paper register's columns, filtered and paged in SQL.
import { useMemo, useState } from 'react';
import { Button, Card, Checkbox, DatePicker, Form, Input, Select, Space, Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { Input as In } from '../../../db/contract';
import type { RegisterFilter } from '../../../db/contract/output';
import { TRIP_STATES, TRIPS_REGISTER, type Trip } from '../../../db/contract/vehicles';
import { useApiQuery } from '../../api';
import { hasRole, useMe } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ImportDialog } from '../../components/output';
import { OutputButtons } from './output';
import { TripDetail } from './TripDetail';
import { ApplyDialog, TripActionDialog, nextActions, type TripAction } from './TripDialogs';
import { FlagTags, PersonSelect, StateTag, VehicleSelect, dayOf, dt, plate, useVT, yearOptions, LinkButton } from './util';

interface FilterValues {
  year?: number;
  range?: [Dayjs | null, Dayjs | null] | null;
  state?: string;
  vehicleId?: number;
  driverId?: number;
  applicantId?: number;
  flagged?: boolean;
  q?: string;
}

type ListFilter = Omit<In<'vehicles.list'>, 'page' | 'pageSize' | 'sort' | 'order'>;

const toFilter = (v: FilterValues): ListFilter => {
  const f: ListFilter = {};
  if (v.year) f.year = v.year;
  if (v.range?.[0]) f.from = dayOf(v.range[0]);
  if (v.range?.[1]) f.to = dayOf(v.range[1]);
  if (v.state) f.state = v.state;
  if (v.vehicleId) f.vehicleId = v.vehicleId;
  if (v.driverId) f.driverId = v.driverId;
  if (v.applicantId) f.applicantId = v.applicantId;
  if (v.flagged) f.flagged = true;
  if (v.q?.trim()) f.q = v.q.trim();
  return f;
};

/** The list filter as the print/export filter (register-specific ones travel in `extra`). */
export const toRegisterFilter = (f: ListFilter): RegisterFilter => {
  const extra: Record<string, number | boolean> = {};
  if (f.vehicleId) extra.vehicleId = f.vehicleId;
  if (f.driverId) extra.driverId = f.driverId;
  if (f.applicantId) extra.applicantId = f.applicantId;
  if (f.flagged) extra.flagged = true;
  return { year: f.year, from: f.from, to: f.to, state: f.state, q: f.q, ...(Object.keys(extra).length ? { extra } : {}) };
};

export function TripsPage() {
  const t = useVT();
  const me = useMe();
  const clerk = hasRole(me, ['clerk']);
  const approver = hasRole(me, ['approver']);
  const [form] = Form.useForm<FilterValues>();
  const [filter, setFilter] = useState<ListFilter>({ year: dayjs().year() });
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [sort, setSort] = useState<{ sort: 'number' | 'plannedOut' | 'outAt' | 'distance'; order: 'asc' | 'desc' }>({ sort: 'number', order: 'desc' });
  const [detail, setDetail] = useState<number | null>(null);
  const [dialog, setDialog] = useState<{ action: TripAction; trip: Trip } | null>(null);
  const [applying, setApplying] = useState(false);
  const [importing, setImporting] = useState(false);
  const list = useApiQuery('vehicles.list', { ...filter, ...sort, page, pageSize }, { placeholderData: (prev) => prev });

  const columns = useMemo<TableColumnsType<Trip>>(
    () => [
      { title: t('trip.number'), dataIndex: 'number', key: 'number', width: 170, fixed: 'left', sorter: true, render: (v: string, r) => <LinkButton onClick={() => setDetail(r.id)}>{v}</LinkButton> },
      { title: t('trip.date'), key: 'plannedOut', width: 100, sorter: true, render: (_, r) => (r.outAt ?? r.plannedOut).slice(0, 10) },
      { title: t('trip.plate'), key: 'plate', width: 116, render: (_, r) => plate(r.plate) },
      { title: t('trip.applicantDept'), key: 'applicant', width: 130, ellipsis: true, render: (_, r) => `${r.applicantName}/${r.department}` },
      { title: t('trip.reasonShort'), dataIndex: 'reason', width: 180, ellipsis: { showTitle: true } },
      { title: t('trip.destination'), dataIndex: 'destination', width: 120, ellipsis: true },
      { title: t('trip.outAt'), key: 'outAt', width: 140, sorter: true, render: (_, r) => dt(r.outAt) },
      { title: t('trip.returnAt'), key: 'returnAt', width: 140, render: (_, r) => dt(r.returnAt) },
      { title: t('trip.outOdometer'), dataIndex: 'outOdometer', width: 86, align: 'right' },
      { title: t('trip.returnOdometer'), dataIndex: 'returnOdometer', width: 86, align: 'right' },
      { title: t('trip.distance'), dataIndex: 'distance', key: 'distance', width: 86, align: 'right', sorter: true },
      { title: t('trip.driver'), dataIndex: 'driverName', width: 80 },
      { title: t('trip.approver'), dataIndex: 'approverName', width: 80 },
      {
        title: t('trip.remarks'),
        key: 'remarks',
        width: 200,
        render: (_, r) => (
          <Space size={2} wrap>
            {r.imported ? <Tag className="vehicles-imported">{t('trip.imported')}</Tag> : null}
            <FlagTags trip={r} />
            {r.remarks || r.voidReason ? (
              <Tooltip title={r.voidReason ?? r.remarks}>
                <span className="vehicles-remark">{r.voidReason ?? r.remarks}</span>
              </Tooltip>
            ) : null}
          </Space>
        ),
      },
      { title: t('trip.state'), dataIndex: 'state', width: 86, fixed: 'right', render: (s: Trip['state']) => <StateTag state={s} /> },
      {
        title: t('common.more'),
        key: 'actions',
        width: 120,
        fixed: 'right',
        render: (_, r) => {
          const a = nextActions(r).filter((x) => (x === 'approve' ? clerk || approver : clerk))[0];
          return (
            <Space size={0}>
              {a ? (
                <Button type="link" size="small" onClick={() => setDialog({ action: a, trip: r })}>
                  {t(`trip.actions.${a}`)}
                </Button>
              ) : null}
              <Button type="link" size="small" onClick={() => setDetail(r.id)}>
                {t('common.view')}
              </Button>
            </Space>
          );
        },
      },
    ],
    [t, clerk, approver],
  );

  const registerFilter = toRegisterFilter(filter);
  return (
    <>
      <Card size="small" className="filter-card">
        <Form
          form={form}
          name="vehicleTripFilter"
          layout="inline"
          className="filter-bar"
          initialValues={{ year: dayjs().year() }}
          onFinish={(v) => {
            setFilter(toFilter(v));
            setPage(1);
          }}
          aria-label={t('common.search')}
        >
          <Form.Item name="year" label={t('common.year')}>
            <Select allowClear placeholder={t('common.all')} className="filter-select-narrow" options={yearOptions()} />
          </Form.Item>
          <Form.Item name="range" label={t('common.range')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} placeholder={[t('common.startDate'), t('common.endDate')]} className="vehicles-range" />
          </Form.Item>
          <Form.Item name="state" label={t('trip.state')}>
            <Select allowClear placeholder={t('common.all')} className="filter-select-narrow" options={[{ value: 'open', label: t('state.open') }, ...TRIP_STATES.map((s) => ({ value: s, label: t(`state.${s}`) }))]} />
          </Form.Item>
          <Form.Item name="vehicleId" label={t('common.vehicle')}>
            <VehicleSelect allowClear includeScrapped placeholder={t('common.all')} className="filter-select" />
          </Form.Item>
          <Form.Item name="driverId" label={t('trip.driver')}>
            <PersonSelect allowClear placeholder={t('common.all')} className="filter-select-narrow" />
          </Form.Item>
          <Form.Item name="applicantId" label={t('trip.applicant')}>
            <PersonSelect allowClear placeholder={t('common.all')} className="filter-select-narrow" />
          </Form.Item>
          <Form.Item name="q" label={t('common.keyword')}>
            <Input allowClear className="filter-keyword" placeholder={t('trip.searchHint')} />
          </Form.Item>
          <Form.Item name="flagged" valuePropName="checked">
            <Checkbox>{t('common.flaggedOnly')}</Checkbox>
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                {t('common.search')}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  setFilter({ year: dayjs().year() });
                  setPage(1);
                }}
              >
                {t('common.reset')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <div className="vehicles-toolbar">
        <Space wrap>
          {clerk ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setApplying(true)}>
              {t('trip.new')}
            </Button>
          ) : null}
          <OutputButtons register={TRIPS_REGISTER.key} filter={registerFilter} year={filter.year} printLabel={t('trip.printRegister')} />
          {clerk ? (
            <Button icon={<UploadOutlined aria-hidden />} onClick={() => setImporting(true)}>
              {t('vehicle.import')}
            </Button>
          ) : null}
        </Space>
      </div>
      <ErrorAlert error={list.error} />
      <Table<Trip>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.rows}
        loading={list.isFetching}
        rowClassName={(r) => (r.flagged ? 'vehicles-row-flagged' : r.state === 'voided' ? 'row-disabled' : '')}
        onRow={(r) => ({ onDoubleClick: () => setDetail(r.id) })}
        onChange={(_p, _f, s) => {
          const one = Array.isArray(s) ? s[0] : s;
          const key = (one?.columnKey as string | undefined) ?? 'number';
          setSort({ sort: one?.order ? (key as 'number') : 'number', order: one?.order === 'ascend' ? 'asc' : 'desc' });
        }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, s) => {
            setPage(s === pageSize ? p : 1);
            setPageSize(s);
          },
        }}
        scroll={{ x: 1900 }}
      />
      <ImportDialog register={TRIPS_REGISTER.key} title={t('trip.importTitle')} open={importing} onClose={() => setImporting(false)} />
      {applying ? <ApplyDialog trip="new" onClose={() => setApplying(false)} onSaved={(tr) => setDetail(tr.id)} /> : null}
      {detail !== null ? <TripDetail id={detail} onClose={() => setDetail(null)} onAction={(action, trip) => setDialog({ action, trip })} /> : null}
      {dialog ? <TripActionDialog action={dialog.action} trip={dialog.trip} onClose={() => setDialog(null)} /> : null}
    </>
  );
}
