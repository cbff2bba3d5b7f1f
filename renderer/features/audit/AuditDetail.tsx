// One entry in full. Before/after are JSON text written by the core and shown in <pre> as text:
// whatever a record contains is never interpreted as markup.
import { Descriptions, Drawer, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../db/contract/audit';
import { useApiQuery } from '../../api';
import { actionLabel, objectTypeLabel, prettyJson } from './labels';

export function AuditDetail({ entry, onClose }: { entry: AuditEntry; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  // Fetching the entry itself records that it was looked at (reading the audit log is audited).
  const q = useApiQuery('audit.get', { seq: entry.seq }, { placeholderData: entry, staleTime: Infinity });
  const e = q.data ?? entry;
  const before = prettyJson(e.before);
  const after = prettyJson(e.after);

  return (
    <Drawer open title={t('audit.detail', { seq: e.seq })} size={640} onClose={onClose} destroyOnHidden>
      <Descriptions column={1} size="small" bordered className="audit-detail">
        <Descriptions.Item label={t('audit.seq')}>{e.seq}</Descriptions.Item>
        <Descriptions.Item label={t('audit.at')}>{dayjs(e.at).format('YYYY-MM-DD HH:mm:ss')}</Descriptions.Item>
        <Descriptions.Item label={t('audit.user')}>
          {e.userName || t('audit.none')} {e.userLogin ? <Typography.Text type="secondary">{e.userLogin}</Typography.Text> : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('audit.roles')}>{e.roles ? e.roles.split(',').map((r) => <Tag key={r}>{t(`roles.${r}`, { defaultValue: r })}</Tag>) : t('audit.none')}</Descriptions.Item>
        <Descriptions.Item label={t('audit.workstation')}>{e.workstation}</Descriptions.Item>
        <Descriptions.Item label={t('audit.action')}>
          {actionLabel(t, e.action, i18n.language)} <Typography.Text type="secondary" code>{e.action}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('audit.objectType')}>{objectTypeLabel(t, e.objectType) || t('audit.none')}</Descriptions.Item>
        <Descriptions.Item label={t('audit.objectId')}>{e.objectId || t('audit.none')}</Descriptions.Item>
        <Descriptions.Item label={t('audit.result')}>
          <ResultTag result={e.result} /> {e.errorCode ? <Typography.Text code>{e.errorCode}</Typography.Text> : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('audit.message')}>{e.message}</Descriptions.Item>
        <Descriptions.Item label={t('audit.before')}>{before ? <pre className="json-block">{before}</pre> : t('audit.none')}</Descriptions.Item>
        <Descriptions.Item label={t('audit.after')}>{after ? <pre className="json-block">{after}</pre> : t('audit.none')}</Descriptions.Item>
        <Descriptions.Item label={t('audit.prevHash')}>
          <Typography.Text code className="hash-text">
            {e.prevHash}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('audit.hash')}>
          <Typography.Text code className="hash-text">
            {e.hash}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </Drawer>
  );
}

export function ResultTag({ result }: { result: AuditEntry['result'] }) {
  const { t } = useTranslation();
  return result === 'success' ? <Tag className="tag-ok">{t('audit.success')}</Tag> : <Tag className="tag-bad">{t('audit.failure')}</Tag>;
}
