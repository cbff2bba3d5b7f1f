import { Alert, Col, Row, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api';
import { hasRole, useMe } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { GeneralSettings } from './GeneralSettings';
import { SecuritySettings } from './SecuritySettings';
import { BrowserLanguage } from './BrowserLanguage';

export function SettingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canEdit = hasRole(me, ['admin']);
  const q = useApiQuery('settings.get', {});

  return (
    <Page title={t('settings.title')}>
      {!canEdit ? <Alert className="page-alert" type="info" showIcon title={t('common.readOnlyHint')} /> : null}
      <ErrorAlert error={q.error} />
      {q.data ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <GeneralSettings settings={q.data.settings} canEdit={canEdit} />
            <BrowserLanguage unitLanguage={q.data.settings.language} />
          </Col>
          <Col xs={24} xl={12}>
            <SecuritySettings settings={q.data.settings} canEdit={canEdit} />
          </Col>
        </Row>
      ) : (
        <Skeleton active />
      )}
    </Page>
  );
}
