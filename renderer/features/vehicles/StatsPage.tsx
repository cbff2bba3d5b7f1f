// 月度统计: per vehicle per month — trips, km, fuel, costs, cost per km — as a table and a chart.
import { useEffect, useRef, useState } from 'react';
import { Card, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { MONTHLY_REGISTER, type StatRow, type Trip } from '../../../db/contract/vehicles';
import { useApiQuery } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OutputButtons } from './output';
import { TripDetail } from './TripDetail';
import { TripActionDialog, type TripAction } from './TripDialogs';
import { FlagTags, VehicleSelect, dt, plate, useVT, yearOptions, yuan, LinkButton } from './util';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

function StatsChart({ months, vehicles, t }: { months: StatRow[]; vehicles: StatRow[]; t: ReturnType<typeof useVT> }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    // Canvas only, and tooltips drawn as rich text: nothing needs inline styles (strict CSP).
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    const labels = Array.from({ length: 12 }, (_, i) => t('stats.monthN', { m: i + 1 }));
    const cost = Array.from({ length: 12 }, (_, i) => months.filter((r) => r.month === i + 1).reduce((s, r) => s + r.totalCost, 0) / 100);
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 56, right: 64, top: 40, bottom: 28 },
      xAxis: { type: 'category', data: labels },
      yAxis: [
        { type: 'value', name: t('stats.chartKm') },
        { type: 'value', name: t('stats.chartCost'), splitLine: { show: false } },
      ],
      series: [
        ...vehicles.map((v) => ({
          name: v.plate,
          type: 'bar',
          stack: 'km',
          data: Array.from({ length: 12 }, (_, i) => months.find((r) => r.vehicleId === v.vehicleId && r.month === i + 1)?.km ?? 0),
        })),
        { name: t('stats.chartCost'), type: 'line', yAxisIndex: 1, data: cost },
      ],
    });
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(ref.current);
    return () => {
      ro.disconnect();
      chart.dispose();
    };
  }, [months, vehicles, t]);
  return <div ref={ref} className="vehicles-chart" role="img" aria-label={t('stats.title')} />;
}

export function StatsPage() {
  const t = useVT();
  const [year, setYear] = useState(dayjs().year());
  const [vehicleId, setVehicleId] = useState<number | null>(null);
  const [detail, setDetail] = useState<number | null>(null);
  const [dialog, setDialog] = useState<{ action: TripAction; trip: Trip } | null>(null);
  const q = useApiQuery('vehicles.monthlyStats', vehicleId ? { year, vehicleId } : { year });
  const flagged = useApiQuery('vehicles.list', { year, flagged: true, ...(vehicleId ? { vehicleId } : {}), pageSize: 100 });
  const data = q.data;

  const money = (key: keyof StatRow, title: string) => ({ title, dataIndex: key, align: 'right' as const, render: (v: number) => yuan(v) });
  const columns: TableColumnsType<StatRow & { key: string }> = [
    { title: t('vehicle.plate'), dataIndex: 'plate', width: 110 },
    { title: t('stats.month'), key: 'month', width: 90, render: (_, r) => (r.month ? t('stats.monthN', { m: r.month }) : r.vehicleId ? t('stats.yearTotal') : t('stats.allTotal')) },
    { title: t('stats.trips'), dataIndex: 'trips', align: 'right' },
    { title: t('stats.km'), dataIndex: 'km', align: 'right' },
    { title: t('stats.fuelLitres'), dataIndex: 'fuelLitres', align: 'right', render: (v: number) => v.toFixed(2) },
    money('fuelAmount', t('stats.fuelAmount')),
    money('repairAmount', t('stats.repairAmount')),
    money('otherAmount', t('stats.otherAmount')),
    money('totalCost', t('stats.totalCost')),
    { title: t('stats.costPerKm'), dataIndex: 'costPerKm', align: 'right', render: (v: number | null) => (v === null ? '—' : yuan(v)) },
    { title: t('stats.fuelPer100Km'), dataIndex: 'fuelPer100Km', align: 'right', render: (v: number | null) => (v === null ? '—' : v.toFixed(2)) },
  ];
  const rows = data
    ? vehicleId
      ? [...data.months, ...data.vehicles].map((r) => ({ ...r, key: `${r.vehicleId}-${r.month}` }))
      : [...data.vehicles, { ...data.total, plate: '' }].map((r) => ({ ...r, key: `${r.vehicleId}-${r.month}` }))
    : [];

  return (
    <>
      <Card size="small" className="filter-card">
        <Space wrap>
          <Select value={year} onChange={setYear} options={yearOptions()} className="filter-select-narrow" aria-label={t('common.year')} />
          <VehicleSelect value={vehicleId} onChange={setVehicleId} allowClear includeScrapped placeholder={t('common.all')} className="filter-select-wide" />
          <OutputButtons register={MONTHLY_REGISTER.key} filter={{ year, ...(vehicleId ? { extra: { vehicleId } } : {}) }} printLabel={t('stats.print')} />
        </Space>
      </Card>
      <ErrorAlert error={q.error} />
      <Card size="small" className="vehicles-card">
        {data ? <StatsChart months={data.months} vehicles={data.vehicles} t={t} /> : null}
        <Typography.Paragraph type="secondary" className="vehicles-note">
          {t('stats.note')}
        </Typography.Paragraph>
      </Card>
      <Table
        size="small"
        columns={columns}
        dataSource={rows}
        loading={q.isFetching}
        pagination={false}
        rowClassName={(r) => (r.month === 0 ? 'vehicles-row-total' : '')}
        scroll={{ x: 1100 }}
        aria-label={t('stats.title')}
      />
      <Card size="small" className="vehicles-card" title={t('stats.flaggedTitle')}>
        {flagged.data?.rows.length ? (
          <Table<Trip>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={flagged.data.rows}
            columns={[
              { title: t('trip.number'), dataIndex: 'number', width: 170, render: (n: string, r) => <LinkButton onClick={() => setDetail(r.id)}>{n}</LinkButton> },
              { title: t('trip.plate'), key: 'p', width: 100, render: (_, r) => plate(r.plate) },
              { title: t('trip.outAt'), key: 'o', width: 140, render: (_, r) => dt(r.outAt ?? r.plannedOut) },
              { title: t('trip.reasonShort'), dataIndex: 'reason', ellipsis: true },
              { title: t('trip.flagged'), key: 'f', render: (_, r) => <FlagTags trip={r} /> },
            ]}
          />
        ) : (
          <Typography.Text type="secondary">{t('stats.noFlagged')}</Typography.Text>
        )}
      </Card>
      {detail !== null ? <TripDetail id={detail} onClose={() => setDetail(null)} onAction={(action, trip) => setDialog({ action, trip })} /> : null}
      {dialog ? <TripActionDialog action={dialog.action} trip={dialog.trip} onClose={() => setDialog(null)} /> : null}
    </>
  );
}
