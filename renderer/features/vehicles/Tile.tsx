// The home-page tile: what needs the office's attention now.
import { Badge, Card, List, Space, Statistic, Tag, Typography } from 'antd';
import { CarOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useApiQuery } from '../../api';
import { dt, useVT } from './util';

export function VehiclesTile() {
  const t = useVT();
  const q = useApiQuery('vehicles.dashboard', {});
  const d = q.data;
  const overdue = d?.outNow.filter((o) => o.overdue).length ?? 0;
  return (
    <Card
      size="small"
      className="vehicles-tile"
      title={
        <Space>
          <CarOutlined aria-hidden />
          <Link to="/r/vehicles">{t('tile.title')}</Link>
        </Space>
      }
      loading={q.isLoading}
      data-testid="vehicles-tile"
    >
      {d ? (
        <>
          <div className="vehicles-tile-stats">
            <Link to="/r/vehicles">
              <Statistic title={t('tile.pending')} value={d.pendingApproval} />
            </Link>
            <Link to="/r/vehicles">
              <Statistic title={t('tile.dispatch')} value={d.awaitingDispatch} />
            </Link>
            <Statistic title={t('tile.out')} value={d.outNow.length} suffix={overdue ? <Badge count={`${t('tile.overdue')} ${overdue}`} /> : null} />
            <Link to="/r/vehicles/stats">
              <Statistic title={t('tile.flagged')} value={d.flaggedCount} />
            </Link>
          </div>
          {d.outNow.length ? (
            <List
              size="small"
              header={<Typography.Text strong>{t('tile.out')}</Typography.Text>}
              dataSource={d.outNow}
              renderItem={(o) => (
                <List.Item>
                  {o.plate} · {o.driverName} · {o.destination} · {dt(o.outAt).slice(5)}
                  {o.overdue ? (
                    <Tag color="red" className="vehicles-inline-tag">
                      {t('tile.overdue')}
                    </Tag>
                  ) : null}
                </List.Item>
              )}
            />
          ) : null}
          {d.expiring.length ? (
            <List
              size="small"
              header={<Typography.Text strong>{t('tile.expiring')}</Typography.Text>}
              dataSource={d.expiring}
              renderItem={(e) => (
                <List.Item>
                  <Link to={`/r/vehicles/fleet/${e.vehicleId}`}>{e.plate}</Link> {t(`tile.${e.what}`)} {e.date}（{e.days < 0 ? t('common.overdueDays', { n: -e.days }) : t('vehicle.expiring', { n: e.days })}）
                </List.Item>
              )}
            />
          ) : null}
          {d.unresolvedIncidents ? (
            <Typography.Paragraph className="vehicles-note">
              <Link to="/r/vehicles/logs">
                {t('tile.incidents')}：{d.unresolvedIncidents}
              </Link>
            </Typography.Paragraph>
          ) : null}
          {!d.pendingApproval && !d.awaitingDispatch && !d.outNow.length && !d.expiring.length && !d.flaggedCount ? <Typography.Text type="secondary">{t('tile.nothing')}</Typography.Text> : null}
        </>
      ) : null}
    </Card>
  );
}
