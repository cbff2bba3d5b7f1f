// The table of a register list: one page of rows from the core, paging kept in the query string
// (page 1 is no parameter), 共 N 条, and a double click that opens the entry.
import { Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ListParamsSetter } from './useListParams';

export interface ListTableProps<T> extends Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination' | 'onChange' | 'locale' | 'onRow'> {
  /** The list query: `{ rows, total }` and whether it is fetching. */
  list: { data?: { rows: T[]; total: number }; isFetching: boolean };
  page: number;
  pageSize: number;
  set: ListParamsSetter;
  /** Shown when there are no rows. */
  empty?: string;
  /** A double click on a row. */
  onOpen?: (row: T) => void;
}

export function ListTable<T extends object>({ list, page, pageSize, set, empty, onOpen, ...rest }: ListTableProps<T>) {
  const { t } = useTranslation();
  return (
    <Table<T>
      rowKey="id"
      size="small"
      dataSource={list.data?.rows}
      loading={list.isFetching}
      onRow={onOpen ? (r) => ({ onDoubleClick: () => onOpen(r) }) : undefined}
      locale={empty === undefined ? undefined : { emptyText: empty }}
      onChange={(p) => set({ page: p.current && p.current > 1 ? p.current : null }, true)}
      pagination={{ current: page, pageSize, total: list.data?.total ?? 0, showSizeChanger: false, showTotal: (total) => t('common.total', { total }) }}
      {...rest}
    />
  );
}
