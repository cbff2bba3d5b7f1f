// The fixed-asset register's one entry in features/registry.ts: menu, routes, home tile, print layouts.
import { DesktopOutlined } from '@ant-design/icons';
import type { RegisterFeature } from '../registry';
import { AssetsPage } from './AssetsPage';
import { AssetsPrint } from './Print';
import { AssetsTile } from './Tile';
import './i18n';
import '../supplies/supplies.css';

export const assetsFeature: RegisterFeature = {
  key: 'assets',
  titleKey: 'assets:menu',
  icon: <DesktopOutlined aria-hidden />,
  roles: 'any',
  Page: AssetsPage,
  Tile: AssetsTile,
  Print: AssetsPrint,
};
