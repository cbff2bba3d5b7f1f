// A department from the managed list (departments.list). Forms choose from the list; the account
// dialog alone (`allowNew`, the administrator's) may name a new one, which then joins the list.
import { AutoComplete, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../api';

interface Props {
  value?: string;
  onChange?: (v: string) => void;
  id?: string;
  allowNew?: boolean;
  'aria-label'?: string;
}

export function DepartmentSelect({ value, onChange, id, allowNew, ...rest }: Props) {
  const { t } = useTranslation();
  const q = useApiQuery('departments.list', {}, { staleTime: 60_000 });
  const options = (q.data ?? []).map((d) => ({ value: d.name, label: d.name }));
  if (allowNew) {
    return (
      <AutoComplete
        id={id}
        aria-label={rest['aria-label']}
        value={value}
        onChange={(v) => onChange?.(v ?? '')}
        options={options}
        filterOption={(input, o) => String(o?.value ?? '').includes(input.trim())}
        placeholder={t('departments.pickOrNew')}
        allowClear
      />
    );
  }
  // A department closed since keeps showing on the records that still name it.
  if (value && !options.some((o) => o.value === value)) options.push({ value, label: `${value}（${t('departments.closed')}）` });
  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      value={value || undefined}
      onChange={(v) => onChange?.(v ?? '')}
      options={options}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={q.isLoading}
      placeholder={t('departments.pick')}
      notFoundContent={t('departments.none')}
    />
  );
}
