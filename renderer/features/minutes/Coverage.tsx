// 廉政谈话 coverage: everyone on the roster, how many talks they had this year, who has had none.
import { useState } from 'react';
import { Alert, Checkbox, Select, Space, Table, Tag } from 'antd';
import { useApiQuery } from '../../api';
import { Page } from '../../components/Page';
import { currentYear, useMT, yearOptions } from './shared';

export function Coverage() {
  const { t } = useMT();
  const [year, setYear] = useState(currentYear());
  const [missing, setMissing] = useState(false);
  const q = useApiQuery('minutes.talkCoverage', { year });
  const rows = (q.data?.rows ?? []).filter((r) => !missing || r.talks === 0);
  return (
    <Page
      title={t('coverage.title', { year })}
      extra={
        <Space>
          <Checkbox checked={missing} onChange={(e) => setMissing(e.target.checked)}>
            {t('coverage.onlyMissing')}
          </Checkbox>
          <Select value={year} onChange={setYear} options={yearOptions()} className="filter-select-narrow" aria-label={t('common.year')} />
        </Space>
      }
    >
      {q.data ? (
        <Alert
          className="minutes-inline-alert"
          type={q.data.covered < q.data.total ? 'warning' : 'success'}
          showIcon
          title={t('coverage.summary', { covered: q.data.covered, total: q.data.total })}
          description={t(`coverage.source.${q.data.rosterSource}`)}
        />
      ) : null}
      <Table
        size="small"
        rowKey={(r) => `${r.userId ?? ''}-${r.name}`}
        loading={q.isFetching}
        dataSource={rows}
        pagination={{ pageSize: 50, showTotal: (total) => t('common.total', { total }) }}
        columns={[
          { title: t('coverage.name'), dataIndex: 'name', width: 120 },
          { title: t('coverage.department'), dataIndex: 'department', width: 160 },
          { title: t('coverage.post'), dataIndex: 'post' },
          { title: t('coverage.talks'), dataIndex: 'talks', width: 120, align: 'right', render: (n: number) => (n ? n : <Tag className="tag-bad">{t('coverage.notYet')}</Tag>) },
          { title: t('coverage.lastDate'), dataIndex: 'lastDate', width: 120 },
        ]}
      />
    </Page>
  );
}
