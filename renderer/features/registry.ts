// The one list a register adds itself to: its menu entry, its routes and its home-page tile.
// Adding a register means one entry here (plus its own folder); the shell reads everything else.
import type { ComponentType, ReactNode } from 'react';
import type { Role } from '../../db/contract';
import { sealsFeature } from './seals';
import { vehiclesFeature } from './vehicles';
import { minutesFeature } from './minutes';
import { suppliesFeature } from './supplies';
import { assetsFeature } from './assets';
import { expensesFeature } from './expenses';

export interface RegisterFeature {
  /** Also the route segment: the register lives under `#/r/<key>/…`. */
  key: string;
  /** i18n key of the menu label, e.g. 'seals.menu'. */
  titleKey: string;
  icon: ReactNode;
  /** Who sees the entry; the core still checks every call. */
  roles: readonly Role[] | 'any';
  /** The register's pages; it routes below its own prefix. */
  Page: ComponentType;
  /** What needs attention now, shown on the home page. */
  Tile?: ComponentType;
  /** Paper layouts under `#/print/<key>/…`, rendered without the shell. */
  Print?: ComponentType;
}

export const registers: readonly RegisterFeature[] = [sealsFeature, vehiclesFeature, minutesFeature, suppliesFeature, assetsFeature, expensesFeature];
