import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../db/contract/settings';
import { useApiMutation } from '../../api';
import { useSession } from '../../app/session';
import { applyApiError } from '../../components/formErrors';
import { i18n, setBrowserLanguage } from '../../i18n';

/** Save only what changed (each change is one audited before/after), then refresh what shows it. */
export function useSaveSettings(current: Settings, form: FormInstance, onOtherError: (e: ReturnType<typeof applyApiError>) => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { refreshInfo } = useSession();
  const save = useApiMutation('settings.update', ['settings.get']);

  const submit = async (values: Partial<Settings>) => {
    onOtherError(null);
    const changed = Object.fromEntries(Object.entries(values).filter(([k, v]) => current[k as keyof Settings] !== v)) as Partial<Settings>;
    if (!Object.keys(changed).length) {
      message.info(t('common.saved'));
      return;
    }
    try {
      await save.mutateAsync(changed);
      // An administrator choosing the unit's language also means it for this browser.
      if (changed.language) setBrowserLanguage(null);
      await refreshInfo();
      // The language may have just changed: translate now, not with the render's `t`.
      message.success(i18n.t('settings.saved'));
    } catch (e) {
      onOtherError(applyApiError(form, e));
    }
  };
  return { submit, saving: save.isPending };
}
