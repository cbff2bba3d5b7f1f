// One person from accounts.people: type to search, the core does the filtering (name, login or
// department), so a large office stays quick.
import { useState } from 'react';
import { Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../db/contract';
import { useApiQuery } from '../api';
import { useDebounced } from './useDebounced';

export interface PersonSelectProps {
  value?: number | null;
  onChange?: (v: number | null) => void;
  /** Only people holding this role. */
  role?: Role;
  placeholder?: string;
  id?: string;
  allowClear?: boolean;
  disabled?: boolean;
  className?: string;
  'aria-label'?: string;
}

export function PersonSelect({ value, onChange, role, placeholder, allowClear, disabled, className, id, ...rest }: PersonSelectProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const dq = useDebounced(q, 200);
  const list = useApiQuery('accounts.people', { q: dq || undefined, role, limit: 50 }, { placeholderData: (p) => p, staleTime: 30_000 });
  // Keep the chosen person visible even when the current search does not include them.
  const chosen = useApiQuery('accounts.people', { role, limit: 200 }, { staleTime: 60_000, enabled: value != null });
  const people = [...(list.data ?? [])];
  const current = chosen.data?.find((p) => p.id === value);
  if (current && !people.some((p) => p.id === current.id)) people.unshift(current);
  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      className={className}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear={allowClear}
      disabled={disabled}
      value={value ?? undefined}
      placeholder={placeholder ?? t('people.choose')}
      onChange={(v) => onChange?.((v as number | undefined) ?? null)}
      onClear={() => setQ('')}
      loading={list.isFetching}
      notFoundContent={list.isFetching ? null : undefined}
      options={people.map((p) => ({
        value: p.id,
        label: p.name,
        title: p.name,
        desc: [p.department, p.post].filter(Boolean).join(' · '),
      }))}
      optionRender={(o) => (
        <span>
          {o.data.label}
          {o.data.desc ? <Typography.Text type="secondary"> {o.data.desc}</Typography.Text> : null}
        </span>
      )}
    />
  );
}
