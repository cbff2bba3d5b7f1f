// One trip in full: the paper fields, its flags and costs, the approval decisions and the whole history.
import { BackEntryTag } from '../../components/BackEntryTag';
import { Button, Descriptions, Drawer, Space, Table, Tabs, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { OBJECT_TYPES, type Trip } from '../../../db/contract/vehicles';
import { useApiQuery } from '../../api';
import { hasRole, useMe } from '../../app/session';
import { openPrint } from '../../print';
import { Approvals, History } from './History';
import { nextActions, type TripAction } from './TripDialogs';
import { FlagTags, StateTag, dt, plate, useVT, yuan } from './util';

export function TripDetail({ id, onClose, onAction }: { id: number; onClose: () => void; onAction: (a: TripAction, t: Trip) => void }) {
  const t = useVT();
  const me = useMe();
  const q = useApiQuery('vehicles.get', { id });
  const trip = q.data?.trip;
  const clerk = hasRole(me, ['clerk']);
  const approver = hasRole(me, ['approver']);
  const actions = trip ? nextActions(trip).filter((a) => (a === 'approve' ? clerk || approver : clerk)) : [];

  return (
    <Drawer
      open
      title={trip ? t('trip.detail', { number: trip.number }) : ''}
      size={760}
      onClose={onClose}
      destroyOnHidden
      extra={
        trip ? (
          <Space wrap>
            {actions.map((a) => (
              <Button key={a} type={a === actions[0] && a !== 'correct' ? 'primary' : 'default'} danger={a === 'void'} onClick={() => onAction(a, trip)}>
                {a === 'dispatch' && trip.state === 'dispatched' ? t('trip.actions.redispatch') : t(`trip.actions.${a}`)}
              </Button>
            ))}
            <Button icon={<PrinterOutlined aria-hidden />} onClick={() => void openPrint(`/print/vehicles/trip/${trip.id}`, { suggestedName: trip.number })}>
              {t('trip.printForm')}
            </Button>
          </Space>
        ) : null
      }
    >
      {trip ? (
        <>
          <Descriptions column={2} size="small" bordered className="vehicles-desc">
            <Descriptions.Item label={t('trip.number')}>{trip.number}</Descriptions.Item>
            <Descriptions.Item label={t('trip.state')}>
              <StateTag state={trip.state} /> {trip.imported ? <Tag>{t('trip.imported')}</Tag> : <BackEntryTag date={trip.appliedOn} createdAt={trip.createdAt} />} <FlagTags trip={trip} />
            </Descriptions.Item>
            <Descriptions.Item label={t('trip.applicant')}>
              {trip.applicantName}（{trip.department}）
            </Descriptions.Item>
            <Descriptions.Item label={t('trip.appliedOn')}>{trip.appliedOn}</Descriptions.Item>
            <Descriptions.Item label={t('trip.reason')} span={2}>
              {trip.reason}
            </Descriptions.Item>
            <Descriptions.Item label={t('trip.destination')}>{trip.destination}</Descriptions.Item>
            <Descriptions.Item label={t('trip.route')}>{trip.route}</Descriptions.Item>
            <Descriptions.Item label={t('trip.passengers')}>{trip.passengers}</Descriptions.Item>
            <Descriptions.Item label={t('trip.passengerCount')}>{trip.passengerCount}</Descriptions.Item>
            <Descriptions.Item label={t('trip.plannedOut')}>{dt(trip.plannedOut)}</Descriptions.Item>
            <Descriptions.Item label={t('trip.plannedReturn')}>{dt(trip.plannedReturn)}</Descriptions.Item>
            {trip.offDay ? (
              <Descriptions.Item label={t('trip.offDayReason')} span={2}>
                {trip.offDayReason}
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('trip.approver')}>{trip.approverName ?? ''}</Descriptions.Item>
            <Descriptions.Item label={t('trip.approvedAt')}>{dt(trip.approvedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('trip.plate')}>{plate(trip.plate)}</Descriptions.Item>
            <Descriptions.Item label={t('trip.driver')}>{trip.driverName ?? ''}</Descriptions.Item>
            <Descriptions.Item label={t('trip.outAt')}>{dt(trip.outAt)}</Descriptions.Item>
            <Descriptions.Item label={t('trip.returnAt')}>{dt(trip.returnAt)}</Descriptions.Item>
            <Descriptions.Item label={t('trip.outOdometer')}>
              {trip.outOdometer ?? ''}
              {trip.gap ? <Typography.Text type="danger">（{t('trip.expected', { n: trip.expectedOdometer })}）</Typography.Text> : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('trip.returnOdometer')}>{trip.returnOdometer ?? ''}</Descriptions.Item>
            <Descriptions.Item label={t('trip.distance')}>{trip.distance ?? ''}</Descriptions.Item>
            {trip.corrections.length ? (
              <Descriptions.Item label={t('trip.corrections')} span={2}>
                <ul className="vehicles-corrections" data-testid="trip-corrections">
                  {trip.corrections.map((c) => (
                    <li key={c.at}>{t('trip.correctionLine', { at: dt(c.at), by: c.byName, oldOut: c.oldOut, oldBack: c.oldReturn, newOut: c.newOut, newBack: c.newReturn, reason: c.reason })}</li>
                  ))}
                </ul>
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('trip.costs')}>{trip.costTotal ? `${yuan(trip.costTotal)} ${t('common.yuan')}` : ''}</Descriptions.Item>
            {trip.gap ? (
              <Descriptions.Item label={t('trip.gapReason')} span={2}>
                {trip.gapReason}
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('trip.remarks')} span={2}>
              {trip.remarks}
            </Descriptions.Item>
            {trip.voidReason ? (
              <Descriptions.Item label={t('trip.voidReason')} span={2}>
                {trip.voidReason}
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('trip.createdBy')}>{trip.createdByName}</Descriptions.Item>
            <Descriptions.Item label={t('trip.createdAt')}>{dt(trip.createdAt)}</Descriptions.Item>
          </Descriptions>
          <Tabs
            className="vehicles-detail-tabs"
            items={[
              {
                key: 'history',
                label: t('trip.history'),
                children: <History objectType={OBJECT_TYPES.trip} objectId={trip.id} />,
              },
              { key: 'approvals', label: t('trip.approvals'), children: <Approvals objectType={OBJECT_TYPES.trip} objectId={trip.id} /> },
              {
                key: 'costs',
                label: t('trip.linkedLogs'),
                children: q.data!.logs.length ? (
                  <Table
                    rowKey="id"
                    size="small"
                    pagination={false}
                    dataSource={q.data!.logs}
                    columns={[
                      { title: t('log.kind'), key: 'k', render: (_, l) => (l.kind === 'cost' ? l.costType : t(`kind.${l.kind}`)) },
                      { title: t('log.amount'), dataIndex: 'amount', align: 'right', render: (v: number) => yuan(v) },
                      { title: t('log.litres'), dataIndex: 'litres', align: 'right' },
                      { title: t('log.content'), key: 'c', render: (_, l) => [l.place, l.content].filter(Boolean).join(' ') },
                      { title: t('log.voided'), dataIndex: 'voidReason' },
                    ]}
                  />
                ) : (
                  <Typography.Text type="secondary">{t('trip.noLogs')}</Typography.Text>
                ),
              },
            ]}
          />
        </>
      ) : null}
    </Drawer>
  );
}
