// 公务用车 as a register of the shell: menu entry, pages under #/r/vehicles, home tile, paper forms.
import { CarOutlined } from '@ant-design/icons';
import type { RegisterFeature } from '../registry';
import { addVehiclesStrings } from './i18n';
import { VehiclesPage } from './VehiclesPage';
import { VehiclesTile } from './Tile';
import { VehiclesPrint } from './Print';
import './vehicles.css';

addVehiclesStrings();

export const vehiclesFeature: RegisterFeature = {
  key: 'vehicles',
  titleKey: 'vehicles:menu',
  icon: <CarOutlined aria-hidden />,
  roles: ['clerk', 'approver', 'auditor', 'admin'],
  Page: VehiclesPage,
  Tile: VehiclesTile,
  Print: VehiclesPrint,
};
