// Pickers for people and seals: type to search, the core does the filtering.
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api';
import { PersonSelect as SharedPersonSelect, type PersonSelectProps } from '../../components/PersonSelect';

/** A person, with the seals' search hint as placeholder. */
export function PersonSelect(props: PersonSelectProps) {
  const { t } = useTranslation('seals');
  return <SharedPersonSelect {...props} placeholder={props.placeholder ?? t('people.search')} />;
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
