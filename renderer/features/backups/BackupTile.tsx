// Home-page tile: when and where the last backup went; a warning when it is older than 7 days or the
// last automatic one failed.
import { Alert, Button, Card, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api';
import { shanghaiDateTime } from '../../../db/contract/paper';
import './i18n';

export function BackupTile({ canBackUp }: { canBackUp: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const s = useApiQuery('backups.status', {});
  if (!s.data) return null;
  const last = s.data.lastOk;
  return (
    <Card size="small" title={t('backups.tile')} className="tile" data-testid="backup-tile">
      <Typography.Paragraph className="tile-line">
        {t('backups.lastBackup')}：{last ? `${shanghaiDateTime(last.at)}（${t(`backups.kinds.${last.kind}`)}）` : t('backups.never')}
      </Typography.Paragraph>
      {last ? (
        <Typography.Text type="secondary" className="path-text">
          {last.path}
        </Typography.Text>
      ) : null}
      {s.data.warning ? <Alert className="tile-alert" type="warning" showIcon title={s.data.warning} /> : null}
      {canBackUp ? (
        <Button size="small" type="link" onClick={() => navigate('/backups')}>
          {t('backups.goBackups')}
        </Button>
      ) : null}
    </Card>
  );
}
