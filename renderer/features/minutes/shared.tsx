// Small pieces the minutes screens share: the person picker, money in 元, state tags, the history.
import { useMemo, useState } from 'react';
import { AutoComplete, Empty, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../../db/contract/money';
import type { AgendaState, MeetingState, MeetingType } from '../../../db/contract/minutes';
import { useApiQuery } from '../../api';
import { useDebounced } from '../../components/useDebounced';

export const NS = 'minutes';
export const useMT = () => useTranslation(NS);

/** What the forms hold for a person: an account where one was chosen, always the name as written. */
export interface PersonValue {
  userId?: number | null;
  name: string;
}

/**
 * Type a name: accounts that match are offered (name · department · post); choosing one links the
 * account, anything else typed stays a plain name (people without an account, guests).
 */
export function PersonInput({
  value,
  onChange,
  id,
  placeholder,
  onPicked,
  'aria-label': ariaLabel,
}: {
  value?: PersonValue | null;
  onChange?: (v: PersonValue | null) => void;
  id?: string;
  placeholder?: string;
  onPicked?: (p: { id: number; name: string; post: string; department: string }) => void;
  'aria-label'?: string;
}) {
  const { t } = useMT();
  const [q, setQ] = useState('');
  const dq = useDebounced(q, 200);
  const people = useApiQuery('accounts.people', { q: dq || undefined, limit: 20 }, { staleTime: 60_000 });
  const options = useMemo(
    () =>
      (people.data ?? []).map((p) => ({
        value: String(p.id),
        label: (
          <span>
            {p.name}
            <Typography.Text type="secondary">
              {' '}
              {[p.department, p.post].filter(Boolean).join(' · ')}
            </Typography.Text>
          </span>
        ),
        person: p,
      })),
    [people.data],
  );
  return (
    <AutoComplete
      id={id}
      aria-label={ariaLabel}
      value={value?.name ?? ''}
      options={options}
      placeholder={placeholder ?? t('common.typeToSearch')}
      onSearch={setQ}
      onFocus={() => setQ(value?.name ?? '')}
      onSelect={(_v: string, o: (typeof options)[number]) => {
        onChange?.({ userId: o.person.id, name: o.person.name });
        onPicked?.(o.person);
      }}
      onChange={(text: string) => {
        // Selecting sets the id through onSelect; typing (or the id string antd passes first) makes a plain name.
        if (/^\d+$/.test(text) && options.some((o) => o.value === text)) return;
        onChange?.(text ? { userId: null, name: text } : null);
      }}
      allowClear
      popupMatchSelectWidth={280}
    />
  );
}

/** 元 with two decimals in the form, integer 分 to the core. */
export const toFen = (yuan: number | null | undefined) => (yuan === null || yuan === undefined ? null : Math.round(yuan * 100));
export const toYuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? null : fen / 100);
export const money = (fen: number | null | undefined) => (fen === null || fen === undefined ? '' : `¥${formatYuan(fen)}`);

export function MeetingStateTag({ state, flagged }: { state: MeetingState; flagged?: boolean }) {
  const { t } = useMT();
  return (
    <>
      <Tag className={state === 'finalised' ? 'tag-ok' : state === 'voided' ? 'tag-off' : 'tag-warn'}>{t(`state.${state}`)}</Tag>
      {flagged ? <Tag className="tag-bad">{t('state.flagged')}</Tag> : null}
    </>
  );
}

export function AgendaStateTag({ state, step }: { state: AgendaState; step?: string | null }) {
  const { t } = useMT();
  const cls = { reviewing: 'tag-warn', returned: 'tag-bad', approved: 'tag-ok', scheduled: 'tag-ok', decided: '', withdrawn: 'tag-off' }[state];
  return (
    <Tag className={cls}>
      {t(`agendaState.${state}`)}
      {state === 'reviewing' && step ? `·${t(`step.${step}`)}` : ''}
    </Tag>
  );
}

export function useTypes(includeInactive = false) {
  return useApiQuery('minutes.types', { includeInactive }, { staleTime: 60_000 });
}

export const typeById = (types: MeetingType[] | undefined, id: number | undefined) => types?.find((x) => x.id === id);

/** The entry's whole history from the audit trail (and its approvals, for agenda items). */
export function History({ objectType, objectId }: { objectType: string; objectId: number }) {
  const { t } = useMT();
  const audit = useApiQuery('audit.forObject', { objectType, objectId: String(objectId) });
  const rows = audit.data ?? [];
  if (!rows.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.empty')} />;
  return (
    <Timeline
      className="minutes-history"
      items={rows.map((e) => ({
        color: e.result === 'success' ? 'blue' : 'red',
        content: (
          <div>
            <Typography.Text type="secondary">{dayjs(e.at).format('YYYY-MM-DD HH:mm')}</Typography.Text> {e.userName}
            <div>{e.message}</div>
          </div>
        ),
      }))}
    />
  );
}

export const currentYear = () => dayjs().year();
export const yearOptions = () => {
  const y = currentYear();
  return Array.from({ length: 11 }, (_, i) => ({ value: y - i, label: `${y - i}年` }));
};
