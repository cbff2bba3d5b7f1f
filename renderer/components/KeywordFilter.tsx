// The free-text filter of a register list: searched on Enter, kept in the query string as `q`.
import { Form, Input } from 'antd';
import type { ListParamsSetter } from './useListParams';

export function KeywordFilter({ label, value, set }: { label: string; value: string | undefined; set: ListParamsSetter }) {
  return (
    <Form.Item>
      <Input.Search aria-label={label} className="filter-keyword" allowClear placeholder={label} defaultValue={value} onSearch={(v) => set({ q: v.trim() })} />
    </Form.Item>
  );
}
