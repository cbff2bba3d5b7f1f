// The seal register's one entry in features/registry.ts: menu, routes, home tile, print layouts.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { RegisterFeature } from '../registry';
import { SealsPage } from './SealsPage';
import { SealsPrint } from './Print';
import { SealsTile } from './Tile';
import './i18n';
import './seals.css';

export const sealsFeature: RegisterFeature = {
  key: 'seals',
  titleKey: 'seals:menu',
  icon: <SafetyCertificateOutlined aria-hidden />,
  roles: 'any',
  Page: SealsPage,
  Tile: SealsTile,
  Print: SealsPrint,
};
