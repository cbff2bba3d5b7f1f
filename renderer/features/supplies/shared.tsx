// Building blocks of the supplies and assets screens: the reads a write may change, quantities, the
// item picker, the supplies wording of the approval fields, and an entry's approvals. The generic
// pieces (form dialog, people pickers, approval fields, history, dates, money) are in components/.
import { ConfirmationTag } from '../../components/ConfirmationTag';
import { useState } from 'react';
import { Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MethodName } from '../../../db/contract';
import { formatQty } from '../../../db/contract/supplies';
import { useApiQuery } from '../../api';
import type { ApprovalText } from '../../components/ApprovalFields';
import { fmtTime } from '../../components/dates';
import { useDebounced } from '../../components/useDebounced';
import './i18n';

/** Every read a supplies write may change. */
export const SUPPLY_READS: MethodName[] = [
  'supplies.list',
  'supplies.itemList',
  'supplies.itemGet',
  'supplies.purchaseList',
  'supplies.purchaseGet',
  'supplies.requisitionList',
  'supplies.requisitionGet',
  'supplies.stocktakeList',
  'supplies.stocktakeGet',
  'supplies.ledger',
  'supplies.attention',
  'supplies.categories',
  'supplies.settings',
  'assets.list',
  'assets.attention',
  'approvals.forObject',
  'audit.forObject',
];

export const qty = (q: number | null | undefined) => (q === null || q === undefined ? '' : formatQty(q));

export interface ItemOption {
  id: number;
  name: string;
  spec: string;
  unit: string;
  wholeUnit: boolean;
  balanceQty: number;
  avgCost: number | null;
}

/** An item from the catalogue, searched on the server (LIMIT 20: a 5,000-item catalogue stays quick). */
export function ItemSelect({
  value,
  onChange,
  onPick,
  inStockOnly,
  placeholder,
  id,
  className,
  allowClear,
  ...rest
}: {
  value?: number | null;
  onChange?: (v: number | null) => void;
  onPick?: (item: ItemOption | null) => void;
  inStockOnly?: boolean;
  placeholder?: string;
  id?: string;
  className?: string;
  allowClear?: boolean;
  'aria-label'?: string;
}) {
  const { t } = useTranslation('supplies');
  const [q, setQ] = useState('');
  const dq = useDebounced(q, 200);
  const list = useApiQuery('supplies.itemList', { q: dq || undefined, inStockOnly: !!inStockOnly, pageSize: 20 }, { placeholderData: (p) => p, staleTime: 10_000 });
  const current = useApiQuery('supplies.itemGet', { id: value ?? 0 }, { enabled: !!value, staleTime: 10_000 });
  const items: ItemOption[] = [...(list.data?.rows ?? [])];
  if (current.data && !items.some((i) => i.id === current.data!.id)) items.unshift(current.data);
  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      className={className}
      allowClear={allowClear}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? undefined}
      placeholder={placeholder ?? t('v.item')}
      loading={list.isFetching}
      onChange={(v) => {
        const it = items.find((i) => i.id === v) ?? null;
        onChange?.((v as number | undefined) ?? null);
        onPick?.(it);
      }}
      options={items.map((i) => ({ value: i.id, label: `${i.name}${i.spec ? `（${i.spec}）` : ''}`, stock: `${formatQty(i.balanceQty)} ${i.unit}` }))}
      optionRender={(o) => (
        <span>
          {o.data.label}
          <Typography.Text type="secondary"> · {t('f.stock')} {o.data.stock}</Typography.Text>
        </span>
      )}
    />
  );
}

// ---- approvals ----

/** The supplies wording of the shared approval fields (the assets screens use it too). */
export function useSupplyApprovalText(): Partial<ApprovalText> {
  const { t } = useTranslation('supplies');
  return { paperHint: t('approve.paperHint'), needFilingNo: t('v.filingNo') };
}

// ---- history ----

export function Approvals({ objectType, objectId }: { objectType: string; objectId: number }) {
  const { t } = useTranslation('supplies');
  const q = useApiQuery('approvals.forObject', { objectType, objectId });
  if (!q.data?.length) return <Typography.Text type="secondary">{t('detail.noHistory')}</Typography.Text>;
  return (
    <ul className="sup-plain-list">
      {q.data.map((a) => (
        <li key={a.id}>
          <Tag className={a.decision === 'approved' ? 'tag-ok' : 'tag-bad'}>{a.decision === 'approved' ? t('approve.approved') : t('approve.rejected')}</Tag>
          {a.step} · {a.approverName} · {fmtTime(a.paperSignedAt ?? a.decidedAt)} · {a.mode === 'cosign' ? t('approve.cosignMode') : t('approve.paperMode', { no: a.paperFilingNo })}
          {a.comment ? <Typography.Text type="secondary">（{a.comment}）</Typography.Text> : null}
          <ConfirmationTag a={a} />
        </li>
      ))}
    </ul>
  );
}

