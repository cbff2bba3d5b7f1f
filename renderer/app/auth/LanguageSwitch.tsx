// Before sign-in only this browser's language can be chosen; the unit's default is an admin setting.
import { Select } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../db/contract/settings';
import { applyLanguage, setBrowserLanguage, useLanguage } from '../../i18n';
import { useSession } from '../session';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { info } = useSession();
  return (
    <Select<Language>
      size="small"
      variant="borderless"
      value={lang}
      prefix={<GlobalOutlined aria-hidden />}
      aria-label={t('settings.localLanguage')}
      popupMatchSelectWidth={false}
      options={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
      onChange={(l) => {
        // Choosing the unit's own language removes the override, so a later unit change applies here too.
        setBrowserLanguage(l === (info?.language ?? 'zh-CN') ? null : l);
        applyLanguage(info?.language);
      }}
    />
  );
}
