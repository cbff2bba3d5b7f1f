// 补录 on screen: a record keyed in after the day its act happened says so, with the day it was keyed in.
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { backEnteredOn } from '../../db/contract/time';

export function BackEntryTag({ date, createdAt }: { date: string; createdAt: string }) {
  const { t } = useTranslation();
  const keyed = backEnteredOn(date, createdAt);
  if (!keyed) return null;
  return (
    <Tooltip title={t('backEntry.hint', { date, keyed })}>
      <Tag className="tag-warn" data-testid="back-entry">
        {t('backEntry.tag', { keyed })}
      </Tag>
    </Tooltip>
  );
}
