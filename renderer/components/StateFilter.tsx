// The state filter of a register list (any state when cleared), kept in the query string as `state`.
import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ListParamsSetter } from './useListParams';

export function StateFilter<S extends string>({ value, states, label, set }: { value: string | undefined; states: readonly S[]; label: (state: S) => string; set: ListParamsSetter }) {
  const { t } = useTranslation();
  return (
    <Form.Item>
      <Select aria-label={t('list.state')} className="filter-select" allowClear placeholder={t('list.anyState')} value={value} onChange={(v) => set({ state: v })} options={states.map((s) => ({ value: s, label: label(s) }))} />
    </Form.Item>
  );
}
