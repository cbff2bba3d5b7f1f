// Small things the vehicles screens share: labels, tags, money and time formats, pickers, invalidation.
import { useMemo, type ReactNode } from 'react';
import { Button, Select, Tag, Tooltip } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import type { MethodName } from '../../../db/contract';
import { describeZodError } from '../../../db/contract';
import { fen } from '../../../db/contract/common';
import { formatYuan } from '../../../db/contract/money';
import { formatPlate, tripFlags, type Trip, type TripState, type VehicleStatus } from '../../../db/contract/vehicles';
import { useApiQuery } from '../../api';
import { shanghaiDateTime } from '../../../db/contract/paper';

export const useVT = () => useTranslation('vehicles').t;

/** Every read of this area: a write refetches them all (they are cheap and the screens are small). */
export const VEHICLE_READS: MethodName[] = [
  'vehicles.list',
  'vehicles.get',
  'vehicles.vehicleList',
  'vehicles.vehicleGet',
  'vehicles.vehicleFile',
  'vehicles.logList',
  'vehicles.monthlyStats',
  'vehicles.dashboard',
  'vehicles.checkAvailability',
  'vehicles.calendarList',
  'audit.forObject',
  'approvals.forObject',
];

export const plate = (p: string | null | undefined) => (p ? formatPlate(p) : '');
export const yuan = (f: number | null | undefined) => (f === null || f === undefined ? '' : formatYuan(f));
export const dt = (iso: string | null | undefined) => (iso ? shanghaiDateTime(iso) : '');
export const dateOf = (iso: string | null | undefined) => (iso ? shanghaiDateTime(iso).slice(0, 10) : '');
/** A Dayjs chosen in a picker → ISO with the workstation's offset (the core normalises it). */
export const isoOf = (d: Dayjs) => d.format('YYYY-MM-DDTHH:mm:ssZ');
export const dayOf = (d: Dayjs) => d.format('YYYY-MM-DD');
/** 元 typed in a form → integer 分. */
export const toFen = (yuanValue: number | null | undefined) => (yuanValue === null || yuanValue === undefined ? 0 : Math.round(yuanValue * 100));

const STATE_COLORS: Record<TripState, string> = {
  pending: 'gold',
  approved: 'cyan',
  rejected: 'red',
  dispatched: 'blue',
  out: 'purple',
  returned: 'green',
  voided: 'default',
};
export function StateTag({ state }: { state: TripState }) {
  const t = useVT();
  return <Tag color={STATE_COLORS[state]}>{t(`state.${state}`)}</Tag>;
}

const STATUS_COLORS: Record<VehicleStatus, string> = { available: 'green', repair: 'orange', suspended: 'default', scrapped: 'red' };
export function StatusTag({ status }: { status: VehicleStatus }) {
  const t = useVT();
  return <Tag color={STATUS_COLORS[status]}>{t(`status.${status}`)}</Tag>;
}

const FLAG_KEYS: Record<string, string> = { 里程不连续: 'gap', 节假日用车: 'offDay', 里程异常: 'speed', 违章: 'violation', 事故: 'accident' };
export function FlagTags({ trip }: { trip: Pick<Trip, 'gap' | 'offDay' | 'speedFlag' | 'violation' | 'accident' | 'gapReason' | 'offDayReason'> }) {
  const t = useVT();
  return (
    <>
      {tripFlags(trip).map((f) => {
        const key = FLAG_KEYS[f];
        const tip = key === 'gap' ? trip.gapReason : key === 'offDay' ? trip.offDayReason : undefined;
        const tag = (
          <Tag key={f} color="volcano" className="vehicles-flag">
            {t(`flags.${key}`)}
          </Tag>
        );
        return tip ? (
          <Tooltip key={f} title={tip}>
            {tag}
          </Tooltip>
        ) : (
          tag
        );
      })}
    </>
  );
}

/** A form rule for an amount typed in 元, checked as 分 by the contract's money field. */
export function yuanRule(label: string, opts: { required?: boolean; positive?: boolean } = {}): Rule {
  const schema = fen(label);
  return {
    validator: async (_r, v: unknown) => {
      if (v === null || v === undefined || v === '') {
        if (opts.required) throw new Error(`请填写${label}`);
        return;
      }
      if (typeof v !== 'number') throw new Error(`${label}必须是数字`);
      if (Math.abs(v * 100 - Math.round(v * 100)) > 1e-6) throw new Error(`${label}最多保留两位小数`);
      const r = schema.safeParse(Math.round(v * 100));
      if (!r.success) throw new Error(describeZodError(schema, r.error).message);
      if (opts.positive && v === 0) throw new Error(`${label}不能为 0`);
    },
  };
}

export interface PersonOption {
  id: number;
  name: string;
  department: string;
  post: string;
}

/** The active people (for pickers); the list is small, so it is fetched once and filtered here. */
export function usePeople(role?: 'approver' | 'clerk') {
  const q = useApiQuery('accounts.people', role ? { limit: 200, role } : { limit: 200 }, { staleTime: 60_000 });
  return q.data ?? [];
}

export function PersonSelect({ value, onChange, role, placeholder, id, allowClear, className }: { value?: number | null; onChange?: (v: number | null) => void; role?: 'approver'; placeholder?: string; id?: string; allowClear?: boolean; className?: string }) {
  const people = usePeople(role);
  const options = useMemo(
    () => people.map((p) => ({ value: p.id, label: p.department ? `${p.name}（${p.department}${p.post ? `·${p.post}` : ''}）` : p.name, search: `${p.name}${p.department}${p.post}` })),
    [people],
  );
  return (
    <Select
      id={id}
      className={className}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      allowClear={allowClear}
      placeholder={placeholder}
      showSearch={{ optionFilterProp: 'search' }}
      options={options}
      popupMatchSelectWidth={false}
    />
  );
}

export function VehicleSelect({ value, onChange, id, allowClear, placeholder, className, includeScrapped }: { value?: number | null; onChange?: (v: number | null) => void; id?: string; allowClear?: boolean; placeholder?: string; className?: string; includeScrapped?: boolean }) {
  const t = useVT();
  const q = useApiQuery('vehicles.vehicleList', { pageSize: 500 }, { staleTime: 60_000 });
  const options = (q.data?.rows ?? [])
    .filter((v) => includeScrapped || v.status !== 'scrapped')
    .map((v) => ({ value: v.id, label: `${v.plateDisplay} ${v.model}${v.status === 'available' ? '' : `（${t(`status.${v.status}`)}）`}`, search: `${v.plate}${v.plateDisplay}${v.model}` }));
  return <Select id={id} className={className} value={value ?? undefined} onChange={(v) => onChange?.(v ?? null)} allowClear={allowClear} placeholder={placeholder} showSearch={{ optionFilterProp: 'search' }} options={options} popupMatchSelectWidth={false} />;
}

/** This year back to `from`, labelled the way the language writes years. */
export const yearOptions = (from = 2015) => {
  const now = dayjs().year();
  const years: { value: number; label: string }[] = [];
  for (let y = now + 1; y >= from; y--) years.push({ value: y, label: i18next.t('common.yearN', { ns: 'vehicles', year: y }) });
  return years;
};

/** A link-looking button inside a table cell (opens a drawer; a real button for the keyboard and screen readers). */
export function LinkButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <Button type="link" size="small" className="vehicles-link-button" onClick={onClick}>
      {children}
    </Button>
  );
}
