// The password rule, checked live by the core as the person types (accounts.checkPassword, debounced).
// The rule's wording comes from the core, so what is shown is exactly what the core enforces.
import { CheckCircleFilled, CloseCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useDebounced } from './useDebounced';

const check = (password: string, login: string) => api.call('accounts.checkPassword', { password, login });

export function PasswordRule({ password, login, id }: { password: string | undefined; login: string | undefined; id?: string }) {
  const { t } = useTranslation();
  const pw = useDebounced(password ?? '', 250);
  const lg = useDebounced(login ?? '', 250);
  // The empty password fails every configured rule, so its problems are the rule itself.
  const baseline = useQuery({ queryKey: ['accounts.checkPassword', 'baseline'], queryFn: () => check('', ''), staleTime: Infinity });
  const current = useQuery({ queryKey: ['accounts.checkPassword', { password: pw, login: lg }], queryFn: () => check(pw, lg), enabled: pw.length > 0, staleTime: Infinity });

  const rules = baseline.data?.problems ?? [];
  const problems = pw ? current.data?.problems : undefined;
  const extra = problems?.filter((p) => !rules.includes(p)) ?? [];
  const state = (failing: boolean | undefined) => (problems === undefined ? 'unknown' : failing ? 'bad' : 'good');

  return (
    <div className="password-rule" id={id} aria-live="polite">
      <div className="password-rule-title">{t('password.ruleTitle')}</div>
      <ul>
        {rules.map((r) => (
          <RuleLine key={r} text={r} state={state(problems?.includes(r))} />
        ))}
        {extra.length ? extra.map((p) => <RuleLine key={p} text={p} state="bad" />) : <RuleLine text={t('password.notLogin')} state={state(false)} />}
      </ul>
      {problems && problems.length === 0 ? <div className="password-rule-ok">{t('password.good')}</div> : null}
    </div>
  );
}

function RuleLine({ text, state }: { text: string; state: 'unknown' | 'good' | 'bad' }) {
  const icon = state === 'good' ? <CheckCircleFilled aria-hidden /> : state === 'bad' ? <CloseCircleFilled aria-hidden /> : <MinusCircleOutlined aria-hidden />;
  return (
    <li className={`rule-${state}`} data-state={state}>
      {icon} <span>{text}</span>
    </li>
  );
}
