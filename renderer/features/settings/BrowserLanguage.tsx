// Anyone may choose the language of their own browser; the unit's default stays an admin setting.
import { Card, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../db/contract/settings';
import { applyLanguage, browserLanguage, setBrowserLanguage } from '../../i18n';

const FOLLOW = 'follow';

export function BrowserLanguage({ unitLanguage }: { unitLanguage: Language }) {
  const { t } = useTranslation();
  const current = browserLanguage() ?? FOLLOW;
  return (
    <Card title={t('settings.browser')} className="settings-card">
      <Form layout="vertical">
        <Form.Item label={t('settings.localLanguage')} extra={t('settings.localLanguageHelp')} htmlFor="browser-language">
          <Select<string>
            id="browser-language"
            value={current}
            options={[{ value: FOLLOW, label: t('settings.followUnit', { lang: t(`languages.${unitLanguage}`) }) }, ...LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))]}
            onChange={(v) => {
              setBrowserLanguage(v === FOLLOW ? null : (v as Language));
              applyLanguage(unitLanguage);
            }}
          />
        </Form.Item>
      </Form>
    </Card>
  );
}
