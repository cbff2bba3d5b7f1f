// Several people from accounts.people (验收人, 监盘人 …), searched on the server like PersonSelect.
import { useState } from 'react';
import { Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../api';
import { useDebounced } from './useDebounced';

export function PeopleSelect({ value, onChange, id, className, ...rest }: { value?: number[]; onChange?: (v: number[]) => void; id?: string; className?: string; 'aria-label'?: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const dq = useDebounced(q, 200);
  const list = useApiQuery('accounts.people', { q: dq || undefined, limit: 50 }, { placeholderData: (p) => p, staleTime: 30_000 });
  const all = useApiQuery('accounts.people', { limit: 200 }, { staleTime: 60_000 });
  const people = [...(list.data ?? [])];
  for (const id of value ?? []) {
    const p = all.data?.find((x) => x.id === id);
    if (p && !people.some((x) => x.id === id)) people.unshift(p);
  }
  return (
    <Select
      id={id}
      mode="multiple"
      aria-label={rest['aria-label']}
      className={className}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? []}
      placeholder={t('people.choose')}
      onChange={(v) => onChange?.(v as number[])}
      options={people.map((p) => ({ value: p.id, label: p.name, desc: p.department }))}
      optionRender={(o) => (
        <span>
          {o.data.label}
          {o.data.desc ? <Typography.Text type="secondary"> {o.data.desc}</Typography.Text> : null}
        </span>
      )}
    />
  );
}
