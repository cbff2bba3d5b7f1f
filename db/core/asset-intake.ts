// Asset intake (资产入账): an accepted purchase line that is a fixed asset becomes asset cards. Supplies
// accepts the line; assets keeps the cards. This small interface is what supplies may call — assets
// provides it when its module loads (db/assets/cards.ts) — so neither register imports the other.
import type { Ctx } from './context';
import type { AssetStatus } from '../contract/assets';

export interface NewCard {
  number?: string;
  name: string;
  category: string;
  brand: string;
  model: string;
  serialNo: string;
  originalValue: number;
  fundingSource: string;
  purchaseMethod: string;
  purchasedOn: string;
  bookedOn: string;
  supplier: string;
  department: string;
  userId: number | null;
  userName: string;
  location: string;
  remarks: string;
  purchaseLineId?: number | null;
  imported?: boolean;
  status?: AssetStatus;
  note?: string;
}

export interface AssetIntake {
  /** Insert a card and its 登记入账 movement inside the caller's transaction; returns the card's id. */
  createCard(ctx: Ctx<unknown>, card: NewCard, field?: string): number;
}

let provided: AssetIntake | null = null;

export function provideAssetIntake(intake: AssetIntake) {
  provided = intake;
}

export function assetIntake(): AssetIntake {
  // The core's handler table loads every area; a missing provider is a wiring mistake, not user input.
  if (!provided) throw new Error('asset intake is not provided: db/assets/cards.ts was not loaded');
  return provided;
}
