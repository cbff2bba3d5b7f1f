// The meeting books as a list: filter by type (book), year, dates, state, person, 三重一大 and text;
// SQL paging and sort; print the register or the whole year's bound book; export to Excel.
import { useMemo, useState } from 'react';
import { Button, Card, Checkbox, DatePicker, Dropdown, Form, Input, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { BookOutlined, DownOutlined, FileAddOutlined, PrinterOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Input as In } from '../../../db/contract';
import { MEETINGS_REGISTER, type MeetingRow } from '../../../db/contract/minutes';
import { useApiQuery } from '../../api';
import { hasRole, useMe } from '../../app/session';
import { ExportButtons } from '../../components/output';
import { Page } from '../../components/Page';
import { openPrint, registerPrintRoute } from '../../print';
import { MeetingStateTag, currentYear, useMT, useTypes, yearOptions } from './shared';

type Filter = In<'minutes.list'>;

export function MeetingList() {
  const { t } = useMT();
  const me = useMe();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const types = useTypes(true);
  const initialType = Number(search.get('type')) || undefined;
  const initialYear = Number(search.get('year')) || undefined;
  const [filter, setFilter] = useState<Filter>({ typeId: initialType, year: initialYear });
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const people = useApiQuery('accounts.people', { limit: 200 });
  const list = useApiQuery('minutes.list', { ...filter, page, pageSize }, { placeholderData: (p) => p });
  const canWrite = hasRole(me, ['clerk']);

  const columns = useMemo<TableColumnsType<MeetingRow>>(
    () => [
      { title: t('list.type'), dataIndex: 'typeName', width: 120, ellipsis: true },
      { title: t('list.label'), dataIndex: 'label', width: 110, render: (v: string, r) => <Link to={`/r/minutes/meetings/${r.id}`}>{v}</Link> },
      { title: t('list.date'), dataIndex: 'date', width: 96 },
      { title: t('list.time'), key: 'time', width: 100, render: (_, r) => `${r.startTime}—${r.endTime}` },
      { title: t('list.place'), dataIndex: 'place', width: 120, ellipsis: true },
      { title: t('list.host'), dataIndex: 'hostName', width: 72 },
      { title: t('list.recorder'), dataIndex: 'recorderName', width: 72 },
      { title: t('list.attendance'), key: 'att', width: 82, align: 'center', render: (_, r) => (r.kind === 'talk' ? '—' : `${r.expected}/${r.present}`) },
      {
        title: t('list.titles'),
        key: 'titles',
        ellipsis: true,
        render: (_, r) => (r.kind === 'talk' ? `${r.talkKind ? t(`talkKind.${r.talkKind}`) : ''}：${r.titles}` : [r.topic, r.titles].filter(Boolean).join('：')),
      },
      { title: t('list.major'), dataIndex: 'majorCount', width: 72, align: 'right', render: (n: number) => (n ? n : '') },
      { title: t('common.state'), key: 'state', width: 150, render: (_, r) => <MeetingStateTag state={r.state} flagged={r.flagged} /> },
    ],
    [t],
  );

  const printFilter = { year: filter.year, from: filter.from, to: filter.to, state: filter.state, q: filter.q, extra: { ...(filter.typeId ? { typeId: filter.typeId } : {}), ...(filter.major ? { major: true } : {}), ...(filter.personId ? { personId: filter.personId } : {}) } };
  const bookType = (types.data ?? []).find((x) => x.id === filter.typeId);
  const bookYear = filter.year ?? currentYear();
  const meetingTypes = (types.data ?? []).filter((x) => x.active && x.kind !== 'talk');
  const talkTypes = (types.data ?? []).filter((x) => x.active && x.kind === 'talk');

  return (
    <Page
      title={t('list.title')}
      extra={
        <>
          {canWrite ? (
            <>
              <Dropdown menu={{ items: meetingTypes.map((x) => ({ key: String(x.id), label: x.name })), onClick: (e) => navigate(`/r/minutes/meetings/new?type=${e.key}`) }}>
                <Button type="primary" icon={<FileAddOutlined />}>
                  <Space>
                    {t('list.newMeeting')}
                    <DownOutlined />
                  </Space>
                </Button>
              </Dropdown>
              {talkTypes.length ? <Button onClick={() => navigate('/r/minutes/talks/new')}>{t('list.newTalk')}</Button> : null}
            </>
          ) : null}
          <Button icon={<PrinterOutlined />} onClick={() => void openPrint(registerPrintRoute(MEETINGS_REGISTER, printFilter), { landscape: true })}>
            {t('list.printRegister')}
          </Button>
          <Button icon={<BookOutlined />} disabled={!bookType} title={bookType ? undefined : t('list.pickTypeForBook')} onClick={() => bookType && void openPrint(`/print/minutes/book/${bookType.id}/${bookYear}`, { suggestedName: `${bookType.name}记录本${bookYear}.pdf` })}>
            {t('list.printBook')}
          </Button>
          <ExportButtons register={MEETINGS_REGISTER} filter={printFilter} />
        </>
      }
    >
      <Card size="small" className="filter-card">
        <Form
          name="minutesListFilter"
          layout="inline"
          className="filter-bar"
          initialValues={{ typeId: initialType, year: initialYear, sort: 'date_desc' }}
          onValuesChange={(_, v: { typeId?: number; year?: number; state?: string; range?: [Dayjs, Dayjs] | null; personId?: number; q?: string; major?: boolean; sort?: Filter['sort'] }) => {
            setFilter({
              typeId: v.typeId,
              year: v.year,
              state: v.state,
              from: v.range?.[0]?.format('YYYY-MM-DD'),
              to: v.range?.[1]?.format('YYYY-MM-DD'),
              personId: v.personId,
              q: v.q?.trim() || undefined,
              major: v.major ? true : undefined,
              sort: v.sort,
            });
            setPage(1);
          }}
        >
          <Form.Item name="typeId" label={t('list.type')}>
            <Select allowClear className="filter-select-wide" placeholder={t('common.all')} options={(types.data ?? []).map((x) => ({ value: x.id, label: x.name }))} />
          </Form.Item>
          <Form.Item name="year" label={t('common.year')}>
            <Select allowClear className="filter-select-narrow" placeholder={t('common.all')} options={yearOptions()} />
          </Form.Item>
          <Form.Item name="state" label={t('common.state')}>
            <Select
              allowClear
              className="filter-select-narrow"
              placeholder={t('common.all')}
              options={(['draft', 'finalised', 'voided', 'flagged'] as const).map((s) => ({ value: s, label: t(`state.${s}`) }))}
            />
          </Form.Item>
          <Form.Item name="range" label={t('common.range')}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item name="personId" label={t('common.person')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} className="filter-select" placeholder={t('common.all')} options={(people.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
          <Form.Item name="q" label={t('common.keyword')}>
            <Input.Search allowClear className="filter-keyword" />
          </Form.Item>
          <Form.Item name="major" valuePropName="checked">
            <Checkbox>{t('list.onlyMajor')}</Checkbox>
          </Form.Item>
          <Form.Item name="sort" label={t('list.sort')}>
            <Select
              className="filter-select"
              options={[
                { value: 'date_desc', label: t('list.sortDateDesc') },
                { value: 'date_asc', label: t('list.sortDateAsc') },
                { value: 'number', label: t('list.sortNumber') },
              ]}
            />
          </Form.Item>
        </Form>
      </Card>
      <Table<MeetingRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.rows}
        loading={list.isFetching}
        rowClassName={(r) => (r.flagged ? 'row-failure' : r.state === 'voided' ? 'row-disabled' : '')}
        onRow={(r) => ({ onDoubleClick: () => navigate(`/r/minutes/meetings/${r.id}`) })}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, s) => {
            setPage(s === pageSize ? p : 1);
            setPageSize(s);
          },
        }}
        scroll={{ x: 1100 }}
      />
      <Typography.Text type="secondary">{bookType ? '' : t('list.pickTypeForBook')}</Typography.Text>
    </Page>
  );
}
