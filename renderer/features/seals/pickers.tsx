// Pickers for people and seals: type to search, the core does the filtering.
import { useState } from 'react';
import { Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../db/contract';
import { useApiQuery } from '../../api';
import { useDebounced } from '../../components/useDebounced';

interface PersonSelectProps {
  value?: number | null;
  onChange?: (v: number | null) => void;
  role?: Role;
  placeholder?: string;
  id?: string;
  allowClear?: boolean;
  disabled?: boolean;
  className?: string;
  'aria-label'?: string;
}

/** A person from accounts.people, searched by name, login or department. */
export function PersonSelect({ value, onChange, role, placeholder, allowClear, disabled, className, id, ...rest }: PersonSelectProps) {
  const { t } = useTranslation('seals');
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
      placeholder={placeholder ?? t('people.search')}
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

interface SealSelectProps {
  value?: number | null;
  onChange?: (v: number | null) => void;
  usableOnly?: boolean;
  allowClear?: boolean;
  placeholder?: string;
  id?: string;
  className?: string;
  'aria-label'?: string;
}

export function SealSelect({ value, onChange, usableOnly, allowClear, placeholder, id, className, ...rest }: SealSelectProps) {
  const list = useApiQuery('seals.catalogueList', { usableOnly: !!usableOnly, pageSize: 500 }, { staleTime: 30_000 });
  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      className={className}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear={allowClear}
      value={value ?? undefined}
      placeholder={placeholder}
      onChange={(v) => onChange?.((v as number | undefined) ?? null)}
      loading={list.isFetching}
      options={(list.data?.rows ?? []).map((s) => ({ value: s.id, label: s.name }))}
    />
  );
}

export const useSeal = (id: number | null | undefined) => {
  const q = useApiQuery('seals.catalogueList', { pageSize: 500 }, { staleTime: 30_000 });
  return id ? q.data?.rows.find((s) => s.id === id) : undefined;
};
