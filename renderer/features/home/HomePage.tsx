import { Card, Col, Descriptions, Empty, Row, Skeleton, Tag, Typography } from 'antd';
import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api';
import { hasRole, useMe, useSession } from '../../app/session';
import { Page } from '../../components/Page';
import { registers } from '../registry';
import { BackupTile } from '../backups/BackupTile';
import { AwaitingMyConfirmation, UnconfirmedPaperApprovals } from './PaperApprovals';

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const { info } = useSession();
  const settings = useApiQuery('settings.get', {});
  const about = settings.data?.about;
  const tiles = registers.filter((r) => r.Tile && hasRole(me, r.roles));

  return (
    <Page title={t('home.welcome', { name: me.user.name })}>
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <AwaitingMyConfirmation />
          <UnconfirmedPaperApprovals />
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('home.tiles')} className="home-card">
            <div className="tile-grid">
              <BackupTile canBackUp={hasRole(me, ['admin'])} />
              {tiles.map((r) => (r.Tile ? <r.Tile key={r.key} /> : null))}
            </div>
            {tiles.length ? null : <Empty description={t('home.noTiles')} />}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('home.about')} className="home-card">
            {about ? (
              <Descriptions column={1} size="small" bordered className="about-list">
                <Descriptions.Item label={t('home.unit')}>{info?.unitName || t('app.noUnit')}</Descriptions.Item>
                <Descriptions.Item label={t('home.me')}>
                  {me.user.name}
                  {me.user.department ? <Typography.Text type="secondary"> · {me.user.department}</Typography.Text> : null}
                </Descriptions.Item>
                <Descriptions.Item label={t('home.myRoles')}>
                  {me.user.roles.map((r) => (
                    <Tag key={r} color="blue">
                      {t(`roles.${r}`)}
                    </Tag>
                  ))}
                </Descriptions.Item>
                <Descriptions.Item label={t('home.dataDir')}>
                  <Typography.Text copyable={{ icon: [<CopyOutlined key="copy" aria-hidden />, <CheckOutlined key="done" aria-hidden />] }} className="path-text" data-testid="data-dir">
                    {about.dataDir}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('home.schemaVersion')}>
                  <span data-testid="schema-version">{about.schemaVersion}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('home.appVersion')}>{about.appVersion}</Descriptions.Item>
                <Descriptions.Item label={t('home.workstation')}>{about.workstation}</Descriptions.Item>
              </Descriptions>
            ) : (
              <Skeleton active />
            )}
          </Card>
        </Col>
      </Row>
    </Page>
  );
}
