// The supplies register's one entry in features/registry.ts: menu, routes, home tile, print layouts.
import { ShoppingOutlined } from '@ant-design/icons';
import type { RegisterFeature } from '../registry';
import { SuppliesPage } from './SuppliesPage';
import { SuppliesPrint } from './Print';
import { SuppliesTile } from './Tile';
import './i18n';
import './supplies.css';

export const suppliesFeature: RegisterFeature = {
  key: 'supplies',
  titleKey: 'supplies:menu',
  icon: <ShoppingOutlined aria-hidden />,
  roles: 'any',
  Page: SuppliesPage,
  Tile: SuppliesTile,
  Print: SuppliesPrint,
};
