// Asset test helpers on top of the supplies bureau.
import type { Input } from '../../../db/contract';
import { day, type Bureau } from '../supplies/fixture';

export function card(b: Bureau, extra: Partial<Input<'assets.create'>> = {}): Input<'assets.create'> {
  void b;
  return { name: '笔记本电脑', category: '计算机设备', brand: '华为', model: 'MateBook 14', serialNo: 'SN-0001', originalValue: 659_900, fundingSource: '财政拨款', purchaseMethod: '电子卖场', purchasedOn: day(-30), ...extra };
}
