// This year at a glance: each book held against its plan (中心组学习 7/10), 三重一大 decided with and
// without the discipline head, agenda items waiting at each review step, 廉政谈话 coverage.
import { useState } from 'react';
import { App, Button, Card, Col, Progress, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { BookOutlined, PrinterOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import type { BookSummary } from '../../../db/contract/minutes';
import { useApiMutation, useApiQuery, type ApiError } from '../../api';
import { shanghaiDateOf } from '../../../db/contract/time';
import { hasRole, useMe } from '../../app/session';
import { Page } from '../../components/Page';
import { openPrint } from '../../print';
import { currentYear, useMT, yearOptions } from './shared';

export function Dashboard() {
  const { t } = useMT();
  const navigate = useNavigate();
  const [year, setYear] = useState(currentYear());
  const q = useApiQuery('minutes.dashboard', { year });
  const d = q.data;
  return (
    <Page title={t('dashboard.title', { year })} extra={<Select value={year} onChange={setYear} options={yearOptions()} className="filter-select-narrow" aria-label={t('common.year')} />}>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card size="small" title={t('dashboard.books')} className="minutes-card">
            <Table<BookSummary>
              size="small"
              rowKey="typeId"
              pagination={false}
              loading={q.isFetching}
              dataSource={d?.books}
              columns={[
                {
                  title: t('types.name'),
                  dataIndex: 'typeName',
                  render: (v: string, b) => (
                    <Link className="minutes-book-name" to={`/r/minutes/meetings?type=${b.typeId}&year=${year}`}>
                      {v}
                    </Link>
                  ),
                },
                {
                  title: `${t('dashboard.held')} / ${t('dashboard.planned')}`,
                  key: 'plan',
                  width: 200,
                  render: (_, b) =>
                    b.planned ? (
                      <Space className="minutes-plan" data-testid={`plan-${b.typeName}`}>
                        <Progress percent={Math.min(100, Math.round((b.held / b.planned) * 100))} size="small" showInfo={false} className="minutes-progress" aria-label={`${b.held}/${b.planned}`} />
                        <span>
                          {b.held}/{b.planned}
                        </span>
                      </Space>
                    ) : (
                      <span data-testid={`plan-${b.typeName}`}>
                        {b.held} <Typography.Text type="secondary">（{t('dashboard.noPlan')}）</Typography.Text>
                      </span>
                    ),
                },
                {
                  title: t('common.state'),
                  key: 'st',
                  width: 110,
                  render: (_, b) => (
                    <>
                      {b.drafts ? <Tag className="tag-warn">{t('dashboard.drafts', { n: b.drafts })}</Tag> : null}
                      {b.flagged ? <Tag className="tag-bad">{t('dashboard.flagged', { n: b.flagged })}</Tag> : null}
                    </>
                  ),
                },
                { title: t('types.retention'), dataIndex: 'retention', width: 80 },
                {
                  title: '',
                  key: 'act',
                  width: 210,
                  render: (_, b) => (
                    <Space size={4}>
                      <Button size="small" icon={<PrinterOutlined />} disabled={!b.bookId} onClick={() => void openPrint(`/print/minutes/book/${b.typeId}/${year}`, { suggestedName: `${b.typeName}记录本${year}.pdf` })}>
                        {t('print.book')}
                      </Button>
                      <BindButton book={b} year={year} />
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Space orientation="vertical" size={16} className="minutes-fill">
            <Card size="small" title={t('dashboard.major')}>
              <Row gutter={8}>
                <Col span={8}>
                  <Statistic title={t('dashboard.decided')} value={d?.major.decided ?? 0} />
                </Col>
                <Col span={8}>
                  <Statistic title={t('dashboard.withDiscipline')} value={d?.major.withDiscipline ?? 0} />
                </Col>
                <Col span={8}>
                  <Statistic title={t('dashboard.withoutDiscipline')} value={d?.major.withoutDiscipline ?? 0} />
                </Col>
              </Row>
              {d?.major.flaggedMeetings ? (
                <Typography.Link onClick={() => navigate('/r/minutes/meetings')}>
                  <Tag className="tag-bad">
                    {t('dashboard.flaggedMeetings')} {d.major.flaggedMeetings}
                  </Tag>
                </Typography.Link>
              ) : null}
            </Card>
            <Card size="small" title={t('dashboard.agenda')} extra={<Link to="/r/minutes/agenda">{t('nav.agenda')}</Link>}>
              <Row gutter={8}>
                <Col span={8}>
                  <Statistic title={t('step.leader')} value={d?.agenda.leader ?? 0} />
                </Col>
                <Col span={8}>
                  <Statistic title={t('step.office')} value={d?.agenda.office ?? 0} />
                </Col>
                <Col span={8}>
                  <Statistic title={t('step.secretary')} value={d?.agenda.secretary ?? 0} />
                </Col>
                <Col span={8}>
                  <Statistic title={t('dashboard.returned')} value={d?.agenda.returned ?? 0} />
                </Col>
                <Col span={8}>
                  <Statistic title={t('dashboard.approved')} value={d?.agenda.approved ?? 0} />
                </Col>
              </Row>
            </Card>
            <Card size="small" title={t('dashboard.talks')} extra={<Link to="/r/minutes/coverage">{t('nav.coverage')}</Link>}>
              <Space>
                <BookOutlined aria-hidden />
                {t('dashboard.talksCovered', { covered: d?.talks.covered ?? 0, total: d?.talks.total ?? 0 })}
              </Space>
            </Card>
          </Space>
        </Col>
      </Row>
    </Page>
  );
}

/** The home-page tile: what needs attention in the minutes now. */
export function MinutesTile() {
  const me = useMe();
  return hasRole(me, ['clerk', 'approver', 'auditor']) ? <Tile /> : null;
}

function Tile() {
  const { t } = useMT();
  const q = useApiQuery('minutes.dashboard', {});
  const d = q.data;
  const waiting = d ? d.agenda.leader + d.agenda.office + d.agenda.secretary : 0;
  const study = d?.books.find((b) => b.kind === 'study');
  return (
    <Card size="small" title={<Link to="/r/minutes">{t('tile.title')}</Link>} className="minutes-tile" data-testid="minutes-tile">
      {d ? (
        <Space orientation="vertical" size={4}>
          {waiting ? <Link to="/r/minutes/agenda">{t('tile.waiting', { n: waiting })}</Link> : null}
          {d.drafts ? <Link to="/r/minutes/meetings">{t('tile.drafts', { n: d.drafts })}</Link> : null}
          {study && study.planned ? <span>{t('tile.study', { held: study.held, planned: study.planned })}</span> : null}
          {d.talks.total ? <span>{t('tile.talks', { covered: d.talks.covered, total: d.talks.total })}</span> : null}
          {!waiting && !d.drafts ? <Typography.Text type="secondary">{t('tile.nothing')}</Typography.Text> : null}
        </Space>
      ) : (
        <Statistic loading value={0} />
      )}
    </Card>
  );
}

/** 装订成册: once the year is over and nothing is a draft; a bound book says since when. */
function BindButton({ book, year }: { book: BookSummary; year: number }) {
  const { t } = useMT();
  const { modal, message } = App.useApp();
  const bind = useApiMutation('minutes.bookBind', ['minutes.dashboard']);
  const me = useMe();
  if (book.boundAt) return <Tag className="tag-ok">{t('dashboard.bound', { date: shanghaiDateOf(book.boundAt) })}</Tag>;
  if (!book.bookId || year >= currentYear() || !hasRole(me, ['clerk', 'admin'])) return null;
  return (
    <Button
      size="small"
      onClick={() =>
        modal.confirm({
          title: t('dashboard.bindConfirm', { year, type: book.typeName }),
          okText: t('dashboard.bind'),
          cancelText: t('common.cancel'),
          onOk: async () => {
            try {
              await bind.mutateAsync({ typeId: book.typeId, year });
              message.success(t('dashboard.bindDone'));
            } catch (e) {
              message.error((e as ApiError).message);
            }
          },
        })
      }
    >
      {t('dashboard.bind')}
    </Button>
  );
}
