// 公务用车: the vehicle file (一车一档) with its logs, and the trip register (用车申请/派车单/出车登记). PURE.
import { z } from 'zod';
import { defineMethods } from './method';
import { approvalInput } from './approvals';
import { fen, id, isoDate, isoDateTime, listInput, listOutput, optionalText, positiveInt, text, year, type Role, paragraph } from './common';
import type { RegisterDef } from './registers';
import { shanghaiDateOf, shanghaiMinute } from './time';

// ---------------------------------------------------------------------------------------------
// Vocabulary

export const VEHICLE_STATUSES = ['available', 'repair', 'suspended', 'scrapped'] as const;
export type VehicleStatus = (typeof VEHICLE_STATUSES)[number];
export const VEHICLE_STATUS_LABELS: Record<VehicleStatus, string> = { available: '可用', repair: '维修', suspended: '停用', scrapped: '报废' };

export const ENERGY_TYPES = ['燃油', '纯电动', '插电混动', '油电混合'] as const;

export const TRIP_STATES = ['pending', 'approved', 'rejected', 'dispatched', 'out', 'returned', 'voided'] as const;
export type TripState = (typeof TRIP_STATES)[number];
export const TRIP_STATE_LABELS: Record<TripState, string> = {
  pending: '待审批',
  approved: '待派车',
  rejected: '已驳回',
  dispatched: '已派车',
  out: '已出车',
  returned: '已回车',
  voided: '已作废',
};

export const LOG_KINDS = ['repair', 'maintenance', 'fuel', 'cost', 'accident', 'violation'] as const;
export type LogKind = (typeof LOG_KINDS)[number];
export const LOG_KIND_LABELS: Record<LogKind, string> = {
  repair: '维修',
  maintenance: '保养',
  fuel: '加油',
  cost: '其他费用',
  accident: '事故',
  violation: '违章',
};
export const COST_TYPES = ['路桥费', '停车费', '洗车费', '其他'] as const;
export const RESPONSIBILITIES = ['全责', '主责', '同责', '次责', '无责', '待认定'] as const;

/** An average speed above this (km/h) over a whole trip is implausible and flags the trip. */
export const MAX_AVERAGE_KMH = 120;
/** Insurance and annual inspection expiring within this many days show on the home page. */
export const EXPIRY_WARNING_DAYS = 30;

/** The object types this area notes in the audit trail and the approvals table. */
export const OBJECT_TYPES = { trip: 'vehicleTrip', vehicle: 'vehicle', log: 'vehicleLog', calendar: 'vehicleCalendar' } as const;

const READ: readonly Role[] = ['clerk', 'approver', 'auditor', 'admin'];
const CLERK: readonly Role[] = ['clerk'];

// ---------------------------------------------------------------------------------------------
// Plates, VINs, litres

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
// Letters on plates never include I or O (they read as 1 and 0).
const L = 'A-HJ-NP-Z';
const PLATE_PATTERNS = [
  // 新能源小型车: D/F (and the 2024 extensions A–K) + letter or digit + 4 digits, e.g. 湘BD12345
  new RegExp(`^[${PROVINCES}][A-HJ-Z][A-HJK][${L}0-9][0-9]{4}$`),
  // 新能源大型车: 5 digits + D/F, e.g. 湘B12345D
  new RegExp(`^[${PROVINCES}][A-HJ-Z][0-9]{5}[DF]$`),
  // 普通号牌: 5 letters/digits, e.g. 湘B12345, 湘BA1234
  new RegExp(`^[${PROVINCES}][A-HJ-Z][${L}0-9]{5}$`),
  // 教练、挂车、警用、港澳、领馆、试验、超限: 4 letters/digits + the character
  new RegExp(`^[${PROVINCES}][A-HJ-Z][${L}0-9]{4}[学挂警港澳领试超]$`),
];

/** 湘b·d12345, ＸＢ　12345, 湘B-12345 → 湘BD12345 / 湘B12345; null when it is not a mainland plate. */
export function normalisePlate(input: string): string | null {
  const s = input.normalize('NFKC').replace(/[\s·•∙・.\-_]/g, '').toUpperCase();
  return PLATE_PATTERNS.some((p) => p.test(s)) ? s : null;
}

/** 湘BD12345 → 湘B·D12345 (the way a plate is written on paper). */
export const formatPlate = (plate: string | null | undefined) => (plate && plate.length > 2 ? `${plate.slice(0, 2)}·${plate.slice(2)}` : (plate ?? ''));

export const plateField = z
  .string({ message: '请填写车牌号' })
  .max(20, { message: '车牌号格式不正确' })
  .transform((s, ctx) => {
    const p = normalisePlate(s);
    if (!p) {
      ctx.addIssue({ code: 'custom', message: '车牌号格式不正确（例：湘B12345、湘B·D12345、湘BD12345）' });
      return z.NEVER;
    }
    return p;
  })
  .describe('车牌号');

/** 17 characters, digits and capital letters without I, O and Q (GB 16735). */
export const vinField = z
  .string({ message: '请填写车架号' })
  .trim()
  .transform((s) => s.normalize('NFKC').toUpperCase().replace(/\s/g, ''))
  .pipe(z.string().regex(/^[A-HJ-NPR-Z0-9]{17}$/, { message: '车架号（VIN）应为 17 位字母或数字，且不含 I、O、Q' }))
  .describe('车架号');

export const engineNoField = z
  .string()
  .trim()
  .transform((s) => s.normalize('NFKC').toUpperCase().replace(/\s/g, ''))
  .pipe(z.string().min(1, { message: '请填写发动机号' }).max(30, { message: '发动机号不能超过 30 位' }).regex(/^[A-Z0-9-]+$/, { message: '发动机号只能包含字母、数字和连字符' }))
  .describe('发动机号');

/** Litres with at most two decimals; stored as integer centilitres. */
export const litresField = (label = '加油量（升）') =>
  z
    .number({ message: `${label}必须是数字` })
    .gt(0, { message: `${label}必须大于 0` })
    .max(2000, { message: `${label}超出允许范围` })
    .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, { message: `${label}最多保留两位小数` })
    .describe(label);

export const odometerField = (label: string) =>
  z
    .number({ message: `${label}必须是数字` })
    .int({ message: `${label}必须是整数（公里）` })
    .min(0, { message: `${label}不能为负数` })
    .max(9_999_999, { message: `${label}超出允许范围` })
    .describe(label);

const optionalId = (label: string) => id(label).nullable().optional();

// ---------------------------------------------------------------------------------------------
// Vehicles

const vehicleFields = {
  plate: plateField,
  model: text('品牌型号', 60),
  vehicleType: optionalText('车辆类型', 20).default(''),
  energy: z.enum(ENERGY_TYPES, { message: '请选择能源类型' }).default('燃油').describe('能源类型'),
  color: optionalText('车身颜色', 20).default(''),
  vin: vinField,
  engineNo: engineNoField,
  seats: positiveInt('核定座位数', 60),
  purchaseDate: isoDate('购置日期'),
  purchasePrice: fen('购置价格'),
  driverId: optionalId('专职驾驶员'),
  insuranceExpiry: isoDate('保险到期日'),
  inspectionExpiry: isoDate('年检到期日'),
  odometerStart: odometerField('建档时里程').default(0),
  department: optionalText('使用部门', 60).default(''),
  notes: optionalText('备注', 500).default(''),
};

export const vehicleCreateInput = z.object(vehicleFields);
export const vehicleUpdateInput = z.object({ id: id('车辆'), ...vehicleFields });

export const vehicleShape = z.object({
  id: z.number(),
  plate: z.string(),
  plateDisplay: z.string(),
  model: z.string(),
  vehicleType: z.string(),
  energy: z.enum(ENERGY_TYPES),
  color: z.string(),
  vin: z.string(),
  engineNo: z.string(),
  seats: z.number(),
  purchaseDate: z.string(),
  purchasePrice: z.number(),
  driverId: z.number().nullable(),
  driverName: z.string().nullable(),
  insuranceExpiry: z.string(),
  inspectionExpiry: z.string(),
  odometerStart: z.number(),
  /** The last return reading (or the reading at registration). */
  lastOdometer: z.number(),
  status: z.enum(VEHICLE_STATUSES),
  department: z.string(),
  notes: z.string(),
  /** Number of the trip it is out on now. */
  outOnTrip: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Vehicle = z.infer<typeof vehicleShape>;

export const statusChangeShape = z.object({
  id: z.number(),
  vehicleId: z.number(),
  at: z.string(),
  fromStatus: z.enum(VEHICLE_STATUSES),
  toStatus: z.enum(VEHICLE_STATUSES),
  reason: z.string(),
  byName: z.string(),
});

// ---------------------------------------------------------------------------------------------
// Vehicle logs: repairs, maintenance, fuel, other costs, accidents, violations

const logCommon = {
  vehicleId: id('车辆'),
  date: isoDate('日期'),
  tripId: optionalId('关联出车记录'),
  remarks: optionalText('备注', 300).default(''),
};

export const repairLogInput = z.object({
  kind: z.literal('repair'),
  ...logCommon,
  place: text('维修单位', 100),
  content: paragraph('维修项目', 300),
  amount: fen('维修费用'),
  odometer: odometerField('维修时里程').nullable().optional(),
  personId: optionalId('经办人'),
});
export const maintenanceLogInput = z.object({
  kind: z.literal('maintenance'),
  ...logCommon,
  place: text('保养单位', 100),
  content: paragraph('保养项目', 300),
  amount: fen('保养费用'),
  odometer: odometerField('保养时里程').nullable().optional(),
  personId: optionalId('经办人'),
});
export const fuelLogInput = z.object({
  kind: z.literal('fuel'),
  ...logCommon,
  litres: litresField(),
  amount: fen('加油金额'),
  odometer: odometerField('加油时里程'),
  place: optionalText('加油站', 100).default(''),
  content: optionalText('油品/支付方式', 100).default(''),
  personId: optionalId('加油人'),
});
export const costLogInput = z.object({
  kind: z.literal('cost'),
  ...logCommon,
  costType: z.enum(COST_TYPES, { message: '请选择费用类别' }).describe('费用类别'),
  amount: fen('金额'),
  place: optionalText('地点', 100).default(''),
  content: optionalText('说明', 300).default(''),
  personId: optionalId('经办人'),
});
export const accidentLogInput = z.object({
  kind: z.literal('accident'),
  ...logCommon,
  place: text('事故地点', 100),
  content: paragraph('事故经过', 1000),
  responsibility: z.enum(RESPONSIBILITIES, { message: '请选择责任认定' }).default('待认定').describe('责任认定'),
  amount: fen('损失金额'),
  personId: optionalId('驾驶员'),
});
export const violationLogInput = z.object({
  kind: z.literal('violation'),
  ...logCommon,
  place: text('违章地点', 100),
  content: paragraph('违章行为', 300),
  amount: fen('罚款金额'),
  points: z.number({ message: '扣分必须是数字' }).int({ message: '扣分必须是整数' }).min(0, { message: '扣分不能为负数' }).max(12, { message: '扣分不能超过 12 分' }).default(0).describe('扣分'),
  personId: optionalId('驾驶员'),
});

export const logAddInput = z.discriminatedUnion('kind', [repairLogInput, maintenanceLogInput, fuelLogInput, costLogInput, accidentLogInput, violationLogInput]);
export type LogAddInput = z.input<typeof logAddInput>;
export const LOG_INPUTS = {
  repair: repairLogInput,
  maintenance: maintenanceLogInput,
  fuel: fuelLogInput,
  cost: costLogInput,
  accident: accidentLogInput,
  violation: violationLogInput,
} as const;

export const logShape = z.object({
  id: z.number(),
  vehicleId: z.number(),
  plate: z.string(),
  kind: z.enum(LOG_KINDS),
  date: z.string(),
  tripId: z.number().nullable(),
  tripNumber: z.string().nullable(),
  costType: z.string(),
  place: z.string(),
  content: z.string(),
  amount: z.number(),
  /** Litres with two decimals (stored as centilitres). */
  litres: z.number().nullable(),
  odometer: z.number().nullable(),
  personId: z.number().nullable(),
  personName: z.string().nullable(),
  responsibility: z.string(),
  points: z.number().nullable(),
  remarks: z.string(),
  resolvedAt: z.string().nullable(),
  resolution: z.string(),
  createdAt: z.string(),
  createdByName: z.string(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
});
export type VehicleLog = z.infer<typeof logShape>;

// ---------------------------------------------------------------------------------------------
// Trips

const applicationFields = {
  applicantId: id('用车人'),
  department: optionalText('用车部门', 60),
  appliedOn: isoDate('申请日期').optional(),
  reason: paragraph('用车事由', 200),
  destination: text('目的地', 100),
  route: optionalText('行车路线', 200).default(''),
  passengers: optionalText('乘车人员', 200).default(''),
  passengerCount: positiveInt('乘车人数', 60).default(1),
  plannedOut: isoDateTime('计划出车时间'),
  plannedReturn: isoDateTime('计划回车时间'),
  offDayReason: optionalText('节假日用车事由', 200).default(''),
};
export const applyInput = z.object(applicationFields);
export const updateApplicationInput = z.object({ id: id('用车申请'), ...applicationFields });
export const approveInput = z.object({ id: id('用车申请'), approval: approvalInput });
export const dispatchInput = z.object({ id: id('用车申请'), vehicleId: id('车辆'), driverId: id('驾驶员') });
export const departInput = z.object({
  id: id('用车申请'),
  outAt: isoDateTime('实际出车时间'),
  outOdometer: odometerField('出车里程'),
  gapReason: optionalText('里程不连续说明', 200).default(''),
  offDayReason: optionalText('节假日用车事由', 200).default(''),
});
export const tripCostInput = z.object({
  costType: z.enum(COST_TYPES, { message: '请选择费用类别' }).describe('费用类别'),
  amount: fen('费用金额'),
  content: optionalText('费用说明', 100).default(''),
});
export const returnInput = z.object({
  id: id('用车申请'),
  returnAt: isoDateTime('实际回车时间'),
  returnOdometer: odometerField('回车里程'),
  costs: z.array(tripCostInput).max(20, { message: '费用最多 20 项' }).default([]).describe('费用'),
  fuel: z
    .object({ litres: litresField(), amount: fen('加油金额'), place: optionalText('加油站', 100).default('') })
    .nullable()
    .optional()
    .describe('途中加油'),
  violation: z.boolean().default(false).describe('违章'),
  accident: z.boolean().default(false).describe('事故'),
  remarks: optionalText('备注', 500).default(''),
  offDayReason: optionalText('节假日用车事由', 200).default(''),
});
export const voidInput = z.object({ id: id('用车申请'), reason: paragraph('作废原因', 200) });
/** 更正 of a returned trip's odometer readings: the original stays on record beside the correction. */
export const correctTripInput = z.object({ id: id('出车记录'), outOdometer: odometerField('出车里程'), returnOdometer: odometerField('回车里程'), reason: paragraph('更正原因', 300) });
export const tripCorrectionShape = z.object({
  at: z.string(),
  byName: z.string(),
  oldOut: z.number(),
  oldReturn: z.number(),
  newOut: z.number(),
  newReturn: z.number(),
  reason: z.string(),
});
export type TripCorrection = z.infer<typeof tripCorrectionShape>;

export const tripShape = z.object({
  id: z.number(),
  number: z.string(),
  year: z.number(),
  state: z.enum(TRIP_STATES),
  appliedOn: z.string(),
  applicantId: z.number(),
  applicantName: z.string(),
  department: z.string(),
  reason: z.string(),
  destination: z.string(),
  route: z.string(),
  passengers: z.string(),
  passengerCount: z.number(),
  plannedOut: z.string(),
  plannedReturn: z.string(),
  offDay: z.boolean(),
  offDayReason: z.string(),
  approverId: z.number().nullable(),
  approverName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  vehicleId: z.number().nullable(),
  plate: z.string().nullable(),
  driverId: z.number().nullable(),
  driverName: z.string().nullable(),
  dispatchedAt: z.string().nullable(),
  dispatchedByName: z.string().nullable(),
  outAt: z.string().nullable(),
  outOdometer: z.number().nullable(),
  expectedOdometer: z.number().nullable(),
  gap: z.boolean(),
  gapReason: z.string(),
  returnAt: z.string().nullable(),
  returnOdometer: z.number().nullable(),
  distance: z.number().nullable(),
  speedFlag: z.boolean(),
  violation: z.boolean(),
  accident: z.boolean(),
  remarks: z.string(),
  flagged: z.boolean(),
  /** Taken over from the paper register by import (approved on paper before the system). */
  imported: z.boolean(),
  /** Costs (fen) recorded against this trip: fuel and other costs. */
  costTotal: z.number(),
  createdAt: z.string(),
  createdById: z.number(),
  createdByName: z.string(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
  /** Corrections of its odometer readings, oldest first; the readings above are the corrected ones. */
  corrections: z.array(tripCorrectionShape),
});
export type Trip = z.infer<typeof tripShape>;

/** Human-readable flags of a trip, in the order they are printed. */
export function tripFlags(t: Pick<Trip, 'gap' | 'offDay' | 'speedFlag' | 'violation' | 'accident'>): string[] {
  const f: string[] = [];
  if (t.gap) f.push('里程不连续');
  if (t.offDay) f.push('节假日用车');
  if (t.speedFlag) f.push('里程异常');
  if (t.violation) f.push('违章');
  if (t.accident) f.push('事故');
  return f;
}

export const tripListInput = listInput.extend({
  vehicleId: id('车辆').optional(),
  driverId: id('驾驶员').optional(),
  applicantId: id('用车人').optional(),
  department: z.string().trim().max(60).optional().describe('部门'),
  flagged: z.boolean().optional().describe('仅看异常'),
  sort: z.enum(['number', 'plannedOut', 'outAt', 'distance']).default('number').describe('排序'),
  order: z.enum(['asc', 'desc']).default('desc').describe('排序方向'),
});

// ---------------------------------------------------------------------------------------------
// Statistics, calendar, dashboard

export const statRowShape = z.object({
  vehicleId: z.number(),
  plate: z.string(),
  /** 1–12; 0 for the year's total. */
  month: z.number(),
  trips: z.number(),
  km: z.number(),
  fuelLitres: z.number(),
  fuelAmount: z.number(),
  repairAmount: z.number(),
  otherAmount: z.number(),
  totalCost: z.number(),
  /** 分 per km, rounded; null when no km were driven. */
  costPerKm: z.number().nullable(),
  /** Litres per 100 km, two decimals; null when no km were driven. */
  fuelPer100Km: z.number().nullable(),
});
export type StatRow = z.infer<typeof statRowShape>;

export const CALENDAR_KINDS = ['holiday', 'workday'] as const;
export const CALENDAR_KIND_LABELS = { holiday: '法定节假日', workday: '调休上班' } as const;
export const calendarDayShape = z.object({ date: z.string(), kind: z.enum(CALENDAR_KINDS), name: z.string() });
export const offDayShape = z.object({ date: z.string(), kind: z.enum(['weekend', 'holiday']), name: z.string() });

export const dashboardShape = z.object({
  pendingApproval: z.number(),
  awaitingDispatch: z.number(),
  outNow: z.array(z.object({ tripId: z.number(), number: z.string(), plate: z.string(), driverName: z.string(), destination: z.string(), outAt: z.string(), plannedReturn: z.string(), overdue: z.boolean() })),
  expiring: z.array(z.object({ vehicleId: z.number(), plate: z.string(), what: z.enum(['insurance', 'inspection']), date: z.string(), days: z.number() })),
  flaggedCount: z.number(),
  flagged: z.array(z.object({ tripId: z.number(), number: z.string(), plate: z.string().nullable(), flags: z.array(z.string()), date: z.string() })),
  unresolvedIncidents: z.number(),
});

// ---------------------------------------------------------------------------------------------
// Methods

const byId = (label: string) => z.object({ id: id(label) });

export const vehiclesMethods = defineMethods({
  // Trips
  'vehicles.list': {
    title: '公务用车登记列表',
    access: READ,
    kind: 'read',
    input: tripListInput,
    output: listOutput(tripShape),
  },
  'vehicles.get': {
    title: '查看用车记录',
    access: READ,
    kind: 'read',
    input: byId('用车申请'),
    output: z.object({ trip: tripShape, logs: z.array(logShape), lastReturnOdometer: z.number().nullable() }),
  },
  'vehicles.apply': {
    title: '登记用车申请',
    access: CLERK,
    kind: 'write',
    input: applyInput,
    output: tripShape,
  },
  'vehicles.updateApplication': {
    title: '修改用车申请',
    access: CLERK,
    kind: 'write',
    input: updateApplicationInput,
    output: tripShape,
  },
  'vehicles.approve': {
    title: '审批用车申请',
    access: ['clerk', 'approver'],
    kind: 'write',
    input: approveInput,
    output: tripShape,
  },
  'vehicles.dispatch': {
    title: '派车',
    access: CLERK,
    kind: 'write',
    input: dispatchInput,
    output: tripShape,
  },
  'vehicles.depart': {
    title: '登记出车',
    access: CLERK,
    kind: 'write',
    input: departInput,
    output: tripShape,
  },
  'vehicles.return': {
    title: '登记回车',
    access: CLERK,
    kind: 'write',
    input: returnInput,
    output: tripShape,
  },
  'vehicles.correct': {
    title: '更正出车里程',
    access: CLERK,
    kind: 'write',
    input: correctTripInput,
    output: tripShape,
  },
  'vehicles.void': {
    title: '作废用车申请',
    access: CLERK,
    kind: 'write',
    input: voidInput,
    output: tripShape,
  },
  'vehicles.checkAvailability': {
    title: '查询车辆和驾驶员的占用情况',
    access: READ,
    kind: 'read',
    input: z.object({ id: id('用车申请') }),
    output: z.object({
      vehicles: z.array(z.object({ id: z.number(), plate: z.string(), model: z.string(), seats: z.number(), status: z.enum(VEHICLE_STATUSES), driverId: z.number().nullable(), busyWith: z.string().nullable() })),
      busyDrivers: z.array(z.object({ driverId: z.number(), busyWith: z.string() })),
    }),
  },

  // Vehicle file
  'vehicles.vehicleList': {
    title: '车辆列表',
    access: READ,
    kind: 'read',
    input: z.object({
      q: z.string().trim().max(60).optional().describe('关键词'),
      status: z.enum(VEHICLE_STATUSES).optional().describe('状态'),
      page: z.number().int().min(1).default(1),
      pageSize: z.number().int().min(1).max(500).default(50),
    }),
    output: listOutput(vehicleShape),
  },
  'vehicles.vehicleGet': {
    title: '查看车辆档案',
    access: READ,
    kind: 'read',
    input: byId('车辆'),
    output: vehicleShape,
  },
  'vehicles.vehicleCreate': {
    title: '新建车辆档案',
    access: CLERK,
    kind: 'write',
    input: vehicleCreateInput,
    output: vehicleShape,
  },
  'vehicles.vehicleUpdate': {
    title: '修改车辆档案',
    access: CLERK,
    kind: 'write',
    input: vehicleUpdateInput,
    output: vehicleShape,
  },
  'vehicles.vehicleSetStatus': {
    title: '变更车辆状态',
    access: CLERK,
    kind: 'write',
    input: z.object({ id: id('车辆'), status: z.enum(VEHICLE_STATUSES, { message: '请选择车辆状态' }).describe('车辆状态'), reason: paragraph('变更原因', 200) }),
    output: vehicleShape,
  },
  'vehicles.vehicleFile': {
    title: '车辆档案（一车一档）',
    access: READ,
    kind: 'read',
    input: z.object({ id: id('车辆'), year: year.optional() }),
    output: z.object({
      vehicle: vehicleShape,
      statusChanges: z.array(statusChangeShape),
      logs: z.array(logShape),
      trips: z.array(tripShape),
      totals: statRowShape,
    }),
  },
  'vehicles.logList': {
    title: '车辆费用与事件记录',
    access: READ,
    kind: 'read',
    input: z.object({
      vehicleId: id('车辆').optional(),
      kind: z.enum(LOG_KINDS).optional().describe('类别'),
      year: year.optional(),
      from: isoDate('开始日期').optional(),
      to: isoDate('结束日期').optional(),
      q: z.string().trim().max(60).optional().describe('关键词'),
      includeVoided: z.boolean().default(true),
      unresolved: z.boolean().optional(),
      page: z.number().int().min(1).default(1),
      pageSize: z.number().int().min(1).max(500).default(50),
    }),
    output: listOutput(logShape),
  },
  'vehicles.logAdd': {
    title: '登记车辆维修、加油、费用、事故或违章',
    access: CLERK,
    kind: 'write',
    input: logAddInput,
    output: logShape,
  },
  'vehicles.logVoid': {
    title: '作废车辆记录',
    access: CLERK,
    kind: 'write',
    input: z.object({ id: id('记录'), reason: paragraph('作废原因', 200) }),
    output: logShape,
  },
  'vehicles.logResolve': {
    title: '登记违章或事故的处理结果',
    access: CLERK,
    kind: 'write',
    input: z.object({ id: id('记录'), resolution: paragraph('处理结果', 300) }),
    output: logShape,
  },

  // Statistics, calendar, home
  'vehicles.monthlyStats': {
    title: '车辆月度统计',
    access: READ,
    kind: 'read',
    input: z.object({ year, vehicleId: id('车辆').optional() }),
    output: z.object({ year: z.number(), months: z.array(statRowShape), vehicles: z.array(statRowShape), total: statRowShape }),
  },
  'vehicles.calendarList': {
    title: '节假日安排',
    access: 'signedIn',
    kind: 'read',
    input: z.object({ year }),
    output: z.array(calendarDayShape),
  },
  'vehicles.calendarSet': {
    title: '修改节假日安排',
    access: ['admin'],
    kind: 'write',
    input: z.object({
      date: isoDate('日期'),
      kind: z.enum(['holiday', 'workday', 'normal'], { message: '请选择日期类型' }).describe('日期类型'),
      name: optionalText('节日名称', 20).default(''),
    }),
    output: z.object({ ok: z.literal(true) }),
  },
  'vehicles.offDays': {
    title: '查询休息日',
    access: 'signedIn',
    kind: 'read',
    input: z.object({ from: isoDateTime('开始时间'), to: isoDateTime('结束时间') }),
    output: z.array(offDayShape),
  },
  'vehicles.dashboard': {
    title: '公务用车待办',
    access: READ,
    kind: 'read',
    input: z.object({}).default({}),
    output: dashboardShape,
  },
});

// ---------------------------------------------------------------------------------------------
// Printed registers

export const TRIPS_REGISTER: RegisterDef = {
  key: 'vehicles.trips',
  title: '公务用车使用登记表',
  orientation: 'landscape',
  retention: '10年',
  readRoles: READ,
  states: TRIP_STATE_LABELS,
  // Widths are millimetres on landscape A4 (273 mm between the margins): every cell fits in two lines.
  columns: [
    { key: 'number', title: '编号', width: 28 },
    { key: 'date', title: '日期', width: 24, kind: 'date', align: 'center' },
    { key: 'plate', title: '车牌', width: 14, align: 'center', nowrap: true },
    { key: 'applicant', title: '用车人/部门', width: 17 },
    { key: 'reason', title: '事由', width: 26 },
    { key: 'destination', title: '目的地', width: 16 },
    { key: 'outTime', title: '出车时间', width: 13, align: 'center', printOnly: true },
    { key: 'returnTime', title: '回车时间', width: 13, align: 'center', printOnly: true },
    { key: 'outAt', title: '出车时间', width: 17, kind: 'datetime', exportOnly: true },
    { key: 'returnAt', title: '回车时间', width: 17, kind: 'datetime', exportOnly: true },
    { key: 'outOdometer', title: '出车里程', width: 13, kind: 'int', align: 'right' },
    { key: 'returnOdometer', title: '回车里程', width: 13, kind: 'int', align: 'right' },
    { key: 'distance', title: '行驶公里', width: 11, kind: 'int', align: 'right' },
    { key: 'driver', title: '驾驶员', width: 14, align: 'center' },
    { key: 'approver', title: '审批人', width: 14, align: 'center' },
    { key: 'remarks', title: '备注', width: 29 },
    { key: 'state', title: '状态', width: 8, exportOnly: true },
    { key: 'route', title: '行车路线', width: 24, exportOnly: true },
    { key: 'passengers', title: '乘车人员', width: 20, exportOnly: true },
    { key: 'costTotal', title: '费用（元）', width: 12, kind: 'money', align: 'right', exportOnly: true },
    { key: 'userSign', title: '用车人签字', width: 15, signature: true },
    { key: 'driverSign', title: '驾驶员签字', width: 15, signature: true },
  ],
  // Taking over the paper log: completed trips only, each approved on paper before it was driven.
  importRoles: CLERK,
  importColumns: [
    { key: 'number', title: '编号', hint: '如 派车〔2025〕第0012号；不填则按出车时间自动编号' },
    { key: 'plate', title: '车牌', required: true, hint: '须已在车辆档案中' },
    { key: 'applicant', title: '用车人', required: true, hint: '系统中的人员姓名（离职人员可为已停用账号）' },
    { key: 'reason', title: '事由', required: true },
    { key: 'destination', title: '目的地', required: true },
    { key: 'outAt', title: '出车时间', required: true, kind: 'datetime' },
    { key: 'returnAt', title: '回车时间', required: true, kind: 'datetime' },
    { key: 'outOdometer', title: '出车里程', required: true, kind: 'int' },
    { key: 'returnOdometer', title: '回车里程', required: true, kind: 'int' },
    { key: 'driver', title: '驾驶员', required: true, hint: '系统中的人员姓名' },
    { key: 'approver', title: '审批人', required: true, hint: '纸质登记表上签批的领导，系统中的人员姓名' },
    { key: 'offDayReason', title: '节假日用车事由', hint: '出车或回车在周末、法定节假日时必填' },
    { key: 'remarks', title: '备注' },
  ],
};

/**
 * A time in a paper cell next to the 日期 column: 09:30 on that day, 03-02 09:30 on another
 * (stored times are Shanghai wall-clock, so slicing is exact).
 */
export const shortTime = (iso: string | null | undefined, day?: string) => {
  if (!iso) return null;
  const full = shanghaiMinute(iso);
  return shanghaiDateOf(iso) === day ? full.slice(11) : full.slice(5);
};

export const FLEET_REGISTER: RegisterDef = {
  key: 'vehicles.fleet',
  title: '车辆登记表',
  orientation: 'landscape',
  retention: '30年',
  readRoles: READ,
  states: VEHICLE_STATUS_LABELS,
  columns: [
    { key: 'plate', title: '车牌号', width: 22, align: 'center', nowrap: true },
    { key: 'model', title: '品牌型号', width: 28 },
    { key: 'vehicleType', title: '车辆类型', width: 13, align: 'center' },
    { key: 'energy', title: '能源类型', width: 14, align: 'center' },
    { key: 'vin', title: '车架号', width: 36, nowrap: true },
    { key: 'engineNo', title: '发动机号', width: 22, nowrap: true },
    { key: 'seats', title: '座位', width: 10, kind: 'int', align: 'right' },
    { key: 'purchaseDate', title: '购置日期', width: 21, kind: 'date', align: 'center' },
    { key: 'purchasePrice', title: '购置价格（元）', width: 22, kind: 'money', align: 'right' },
    { key: 'driver', title: '驾驶员', width: 14, align: 'center' },
    { key: 'insuranceExpiry', title: '保险到期', width: 21, kind: 'date', align: 'center' },
    { key: 'inspectionExpiry', title: '年检到期', width: 21, kind: 'date', align: 'center' },
    { key: 'status', title: '状态', width: 12, align: 'center' },
    { key: 'department', title: '使用部门', width: 8, exportOnly: true },
    { key: 'color', title: '颜色', width: 6, exportOnly: true },
    { key: 'odometerStart', title: '建档时里程', width: 9, kind: 'int', exportOnly: true },
    { key: 'notes', title: '备注', width: 18 },
  ],
  importRoles: CLERK,
  importColumns: [
    { key: 'plate', title: '车牌号', required: true, hint: '如 湘B12345、湘B·D12345' },
    { key: 'model', title: '品牌型号', required: true },
    { key: 'vehicleType', title: '车辆类型', hint: '轿车/越野车/商务车…' },
    { key: 'energy', title: '能源类型', hint: '燃油/纯电动/插电混动/油电混合' },
    { key: 'color', title: '颜色' },
    { key: 'vin', title: '车架号', required: true, hint: '17 位，不含 I、O、Q' },
    { key: 'engineNo', title: '发动机号', required: true },
    { key: 'seats', title: '座位数', required: true, kind: 'int' },
    { key: 'purchaseDate', title: '购置日期', required: true, kind: 'date' },
    { key: 'purchasePrice', title: '购置价格（元）', required: true, kind: 'money' },
    { key: 'driver', title: '驾驶员', hint: '专职驾驶员的姓名，须是系统中的人员；可留空' },
    { key: 'insuranceExpiry', title: '保险到期日', required: true, kind: 'date' },
    { key: 'inspectionExpiry', title: '年检到期日', required: true, kind: 'date' },
    { key: 'odometerStart', title: '建档时里程', kind: 'int' },
    { key: 'department', title: '使用部门' },
    { key: 'notes', title: '备注' },
  ],
};

export const MONTHLY_REGISTER: RegisterDef = {
  key: 'vehicles.monthly',
  title: '公务用车月度统计表',
  orientation: 'landscape',
  retention: '10年',
  readRoles: READ,
  columns: [
    { key: 'plate', title: '车牌号', width: 10, align: 'center', nowrap: true },
    { key: 'month', title: '月份', width: 6, align: 'center' },
    { key: 'trips', title: '出车次数', width: 7, kind: 'int', align: 'right' },
    { key: 'km', title: '行驶公里', width: 8, kind: 'int', align: 'right' },
    { key: 'fuelLitres', title: '加油量（升）', width: 9, kind: 'number', align: 'right' },
    { key: 'fuelAmount', title: '燃油费（元）', width: 10, kind: 'money', align: 'right' },
    { key: 'repairAmount', title: '维修保养费（元）', width: 11, kind: 'money', align: 'right' },
    { key: 'otherAmount', title: '路桥停车等（元）', width: 11, kind: 'money', align: 'right' },
    { key: 'totalCost', title: '费用合计（元）', width: 10, kind: 'money', align: 'right' },
    { key: 'costPerKm', title: '每公里费用（元）', width: 10, kind: 'money', align: 'right' },
    { key: 'fuelPer100Km', title: '百公里油耗（升）', width: 10, kind: 'number', align: 'right' },
  ],
};

/** Printable/exportable registers of this area (see registers.ts). */
export const vehiclesRegisterDefs: Record<string, RegisterDef> = {
  [TRIPS_REGISTER.key]: TRIPS_REGISTER,
  [FLEET_REGISTER.key]: FLEET_REGISTER,
  [MONTHLY_REGISTER.key]: MONTHLY_REGISTER,
};
