// The year filter of a register list: one of the last twelve years, or all years.
import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { years } from './dates';

export function YearFilter({ year, onChange }: { year: number | undefined; onChange: (year: number | 'all') => void }) {
  const { t } = useTranslation();
  return (
    <Form.Item label={t('list.year')}>
      <Select
        aria-label={t('list.year')}
        className="filter-select-narrow"
        value={year ?? 'all'}
        onChange={onChange}
        options={[...years().map((y) => ({ value: y, label: `${y}` })), { value: 'all' as const, label: t('list.allYears') }]}
      />
    </Form.Item>
  );
}
