// 一车一档: one vehicle's file — its data, its trips, its logs, its status changes and its history.
import { useState } from 'react';
import { Button, Card, Descriptions, Select, Space, Statistic, Table, Tabs, Typography } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate, useParams } from 'react-router';
import { OBJECT_TYPES, type Trip } from '../../../db/contract/vehicles';
import { useApiQuery } from '../../api';
import { hasRole, useMe } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { openPrint } from '../../print';
import { Expiry, StatusDialog, VehicleDialog } from './FleetPage';
import { History } from './History';
import { LogTable } from './LogsPage';
import { TripDetail } from './TripDetail';
import { TripActionDialog, type TripAction } from './TripDialogs';
import { FlagTags, StateTag, StatusTag, dt, useVT, yearOptions, yuan, LinkButton } from './util';

export function VehicleFilePage() {
  const t = useVT();
  const me = useMe();
  const navigate = useNavigate();
  const clerk = hasRole(me, ['clerk']);
  const id = Number(useParams().id);
  const [year, setYear] = useState<number | undefined>(dayjs().year());
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState(false);
  const [statusOpen, setStatusOpen] = useState(false);
  const [detail, setDetail] = useState<number | null>(null);
  const [dialog, setDialog] = useState<{ action: TripAction; trip: Trip } | null>(null);
  const vq = useApiQuery('vehicles.vehicleGet', { id }, { enabled: id > 0 });
  const stats = useApiQuery('vehicles.monthlyStats', { year: year ?? dayjs().year(), vehicleId: id }, { enabled: id > 0 && !!year });
  const file = useApiQuery('vehicles.vehicleFile', { id, year: dayjs().year() }, { enabled: id > 0 });
  const trips = useApiQuery('vehicles.list', { vehicleId: id, year, page, pageSize: 10 }, { enabled: id > 0, placeholderData: (p) => p });
  const v = vq.data;
  const total = stats.data?.vehicles[0];

  return (
    <Page
      title={
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate('/r/vehicles/fleet')} aria-label={t('tabs.fleet')} />
          {v ? `${v.plateDisplay} ${v.model}` : ''}
          {v ? <StatusTag status={v.status} /> : null}
        </Space>
      }
      extra={
        v ? (
          <>
            {clerk && v.status !== 'scrapped' ? (
              <>
                <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>
                <Button onClick={() => setStatusOpen(true)}>{t('vehicle.setStatus')}</Button>
              </>
            ) : null}
            <Button icon={<PrinterOutlined aria-hidden />} onClick={() => void openPrint(`/print/vehicles/file/${v.id}${year ? `?year=${year}` : ''}`, { suggestedName: `${v.plateDisplay}车辆档案` })}>
              {t('vehicle.printFile')}
            </Button>
          </>
        ) : null
      }
    >
      <ErrorAlert error={vq.error} />
      {v ? (
        <>
          <Card size="small" className="vehicles-card">
            <Descriptions column={4} size="small" className="vehicles-desc">
              <Descriptions.Item label={t('vehicle.plate')}>{v.plateDisplay}</Descriptions.Item>
              <Descriptions.Item label={t('vehicle.model')}>{v.model}</Descriptions.Item>
              <Descriptions.Item label={t('vehicle.vehicleType')}>{v.vehicleType}</Descriptions.Item>
              <Descriptions.Item label={t('vehicle.energy')}>{v.energy}</Descriptions.Item>
              <Descriptions.Item label={t('vehicle.vin')}>
                <span className="vehicles-mono">{v.vin}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('vehicle.engineNo')}>
                <span className="vehicles-mono">{v.engineNo}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('vehicle.seats')}>{v.seats}</Descriptions.Item>
              <Descriptions.Item label={t('vehicle.color')}>{v.color}</Descriptions.Item>
              <Descriptions.Item label={t('vehicle.purchaseDate')}>{v.purchaseDate}</Descriptions.Item>
              <Descriptions.Item label={t('vehicle.purchasePrice')}>{yuan(v.purchasePrice)}</Descriptions.Item>
              <Descriptions.Item label={t('vehicle.driver')}>{v.driverName ?? ''}</Descriptions.Item>
              <Descriptions.Item label={t('vehicle.department')}>{v.department}</Descriptions.Item>
              <Descriptions.Item label={t('vehicle.insuranceExpiry')}>
                <Expiry date={v.insuranceExpiry} />
              </Descriptions.Item>
              <Descriptions.Item label={t('vehicle.inspectionExpiry')}>
                <Expiry date={v.inspectionExpiry} />
              </Descriptions.Item>
              <Descriptions.Item label={t('vehicle.odometerStart')}>{v.odometerStart}</Descriptions.Item>
              <Descriptions.Item label={t('vehicle.lastOdometer')}>{v.lastOdometer}</Descriptions.Item>
              {v.notes ? (
                <Descriptions.Item label={t('vehicle.notes')} span={4}>
                  {v.notes}
                </Descriptions.Item>
              ) : null}
            </Descriptions>
          </Card>
          <Card
            size="small"
            className="vehicles-card"
            title={
              <Space>
                <Select value={year} onChange={(y) => { setYear(y); setPage(1); }} options={yearOptions()} className="filter-select-narrow" aria-label={t('vehicle.fileYear')} />
                <Typography.Text>{t('vehicle.summary')}</Typography.Text>
              </Space>
            }
          >
            <Space size="large" wrap>
              <Statistic title={t('stats.trips')} value={total?.trips ?? 0} />
              <Statistic title={t('stats.km')} value={total?.km ?? 0} />
              <Statistic title={t('stats.fuelLitres')} value={total?.fuelLitres ?? 0} precision={2} />
              <Statistic title={t('stats.fuelAmount')} value={yuan(total?.fuelAmount ?? 0)} />
              <Statistic title={t('stats.repairAmount')} value={yuan(total?.repairAmount ?? 0)} />
              <Statistic title={t('stats.otherAmount')} value={yuan(total?.otherAmount ?? 0)} />
              <Statistic title={t('stats.costPerKm')} value={total?.costPerKm === null || total?.costPerKm === undefined ? '—' : yuan(total.costPerKm)} />
            </Space>
          </Card>
          <Tabs
            items={[
              {
                key: 'trips',
                label: t('print.trips'),
                children: (
                  <Table<Trip>
                    rowKey="id"
                    size="small"
                    dataSource={trips.data?.rows}
                    loading={trips.isFetching}
                    onRow={(r) => ({ onDoubleClick: () => setDetail(r.id) })}
                    pagination={{ current: page, pageSize: 10, total: trips.data?.total ?? 0, showTotal: (n) => t('common.total', { total: n }), onChange: setPage }}
                    scroll={{ x: 1100 }}
                    columns={[
                      { title: t('trip.number'), dataIndex: 'number', width: 170, render: (n: string, r) => <LinkButton onClick={() => setDetail(r.id)}>{n}</LinkButton> },
                      { title: t('trip.applicantDept'), key: 'a', width: 140, render: (_, r) => `${r.applicantName}/${r.department}` },
                      { title: t('trip.reasonShort'), dataIndex: 'reason', ellipsis: true },
                      { title: t('trip.outAt'), key: 'o', width: 140, render: (_, r) => dt(r.outAt ?? r.plannedOut) },
                      { title: t('trip.distance'), dataIndex: 'distance', width: 80, align: 'right' },
                      { title: t('trip.driver'), dataIndex: 'driverName', width: 80 },
                      { title: t('trip.state'), key: 's', width: 180, render: (_, r) => (<Space size={2} wrap><StateTag state={r.state} /><FlagTags trip={r} /></Space>) },
                    ]}
                  />
                ),
              },
              { key: 'logs', label: t('tabs.logs'), children: <LogTable vehicleId={id} /> },
              {
                key: 'status',
                label: t('vehicle.statusChanges'),
                children: (
                  <Table
                    rowKey="id"
                    size="small"
                    pagination={false}
                    dataSource={file.data?.statusChanges ?? []}
                    columns={[
                      { title: t('log.date'), dataIndex: 'at', width: 150, render: (a: string) => dt(a) },
                      { title: t('vehicle.status'), key: 's', width: 200, render: (_, s) => (<Space><StatusTag status={s.fromStatus} />→<StatusTag status={s.toStatus} /></Space>) },
                      { title: t('vehicle.statusReason'), dataIndex: 'reason' },
                      { title: t('trip.createdBy'), dataIndex: 'byName', width: 100 },
                    ]}
                  />
                ),
              },
              { key: 'history', label: t('history.title'), children: <History objectType={OBJECT_TYPES.vehicle} objectId={id} /> },
            ]}
          />
        </>
      ) : null}
      {editing && v ? <VehicleDialog vehicle={v} onClose={() => setEditing(false)} /> : null}
      {statusOpen && v ? <StatusDialog vehicle={v} onClose={() => setStatusOpen(false)} /> : null}
      {detail !== null ? <TripDetail id={detail} onClose={() => setDetail(null)} onAction={(action, trip) => setDialog({ action, trip })} /> : null}
      {dialog ? <TripActionDialog action={dialog.action} trip={dialog.trip} onClose={() => setDialog(null)} /> : null}
    </Page>
  );
}
