// Whether the signer of a paper approval someone else recorded stands by it.
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Approval } from '../../db/contract/approvals';
import { fmtTime } from './dates';

export function ConfirmationTag({ a }: { a: Pick<Approval, 'confirmation' | 'confirmedAt' | 'confirmNote'> }) {
  const { t } = useTranslation();
  if (!a.confirmation) return null;
  const tag = (
    <Tag className={a.confirmation === 'confirmed' ? 'tag-ok' : a.confirmation === 'disputed' ? 'tag-bad' : 'tag-warn'}>
      {t(a.confirmation === 'pending' ? 'paper.pending' : a.confirmation === 'confirmed' ? 'paper.confirmedTag' : 'paper.disputedTag')}
      {a.confirmedAt ? ` ${fmtTime(a.confirmedAt)}` : ''}
    </Tag>
  );
  return a.confirmNote ? <Tooltip title={a.confirmNote}>{tag}</Tooltip> : tag;
}
