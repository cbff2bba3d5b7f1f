// The minutes register as the shell sees it: one entry in features/registry.ts.
import { FileTextOutlined } from '@ant-design/icons';
import type { RegisterFeature } from '../registry';
import { MinutesTile } from './Dashboard';
import { addMinutesStrings } from './i18n';
import { MinutesPage } from './MinutesPage';
import { MinutesPrint } from './print/MinutesPrint';

addMinutesStrings();

export const minutesFeature: RegisterFeature = {
  key: 'minutes',
  titleKey: 'minutes:menu',
  icon: <FileTextOutlined />,
  roles: ['clerk', 'approver', 'auditor', 'admin'],
  Page: MinutesPage,
  Tile: MinutesTile,
  Print: MinutesPrint,
};
