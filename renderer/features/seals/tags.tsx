// The state of an entry and its marks (overdue, 事后补批, 补录, imported, amended) as tags.
import { BackEntryTag } from '../../components/BackEntryTag';
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UseRow, SealStatus } from '../../../db/contract/seals';

const STATE_CLASS: Record<UseRow['state'], string> = {
  pending: 'tag-warn',
  approved: 'seal-tag-blue',
  rejected: 'tag-bad',
  stamped: 'tag-ok',
  out: 'tag-warn',
  returned: 'tag-ok',
  void: 'tag-off',
};

export function StateTag({ state }: { state: UseRow['state'] }) {
  const { t } = useTranslation('seals');
  return <Tag className={STATE_CLASS[state]}>{t(`state.${state}`)}</Tag>;
}

export function UseTags({ r }: { r: UseRow }) {
  const { t } = useTranslation('seals');
  return (
    <Space size={2} wrap>
      <StateTag state={r.state} />
      {r.overdue ? <Tag className="tag-bad">{t('tag.overdue')}</Tag> : null}
      {r.emergencyPending ? <Tag className="seal-tag-red">{t('tag.emergencyPending')}</Tag> : r.emergency ? <Tag className="tag-bad">{t('tag.emergency')}</Tag> : null}
      {r.paperGap ? <Tag className="seal-tag-red">{t('tag.paperGap')}</Tag> : null}
      {r.returnedLate ? <Tag className="tag-warn">{t('tag.returnedLate')}</Tag> : null}
      {r.imported ? null : <BackEntryTag date={r.date} createdAt={r.createdAt} />}
      {r.imported && !r.paperGap ? <Tag>{t('tag.imported')}</Tag> : null}
      {r.amended ? <Tag>{t('tag.amended')}</Tag> : null}
    </Space>
  );
}

const STATUS_CLASS: Record<SealStatus, string> = { active: 'tag-ok', suspended: 'tag-warn', sealed: 'tag-off', destroyed: 'tag-bad' };
export function SealStatusTag({ status }: { status: SealStatus }) {
  const { t } = useTranslation('seals');
  return <Tag className={STATUS_CLASS[status]}>{t(`status.${status}`)}</Tag>;
}
