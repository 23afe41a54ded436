import { z } from 'zod'
import { ZPublicInspection } from './supervision'
import { ZLatParam, ZLngParam, HOTLINE } from './common'
import { ZServiceCategory, ZHoursKind, CATEGORY_LABELS } from './catalog'
import { describeRuleOverlap, findRuleOverlaps } from './capacity-rules'
import { ZPriceVersion } from './price-versions'

export const ZStationKind = z.enum(['station', 'complex'])
export type StationKind = z.infer<typeof ZStationKind>
export const STATION_KIND_LABELS: Record<StationKind, string> = { station: '养老服务驿站', complex: '养老服务综合体' }
export const ZStationStatus = z.enum(['active', 'suspended', 'closed'])
export const ZTravelMode = z.enum(['walk', 'ebike', 'car'])
export type TravelMode = z.infer<typeof ZTravelMode>
export const TRAVEL_MODE_LABELS: Record<TravelMode, string> = { walk: '步行', ebike: '骑电动车', car: '驾车' }

export const ZNearbyQuery = z.object({
  lat: ZLatParam,
  lng: ZLngParam,
  limit: z.string().regex(/^\d+$/, { error: 'limit 应为正整数' }).transform(Number)
    .refine((n) => n >= 1 && n <= 50, { error: 'limit 应在 1 到 50 之间' }).optional(),
})
export type NearbyQuery = z.infer<typeof ZNearbyQuery>

export const ZNearbyStation = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: ZStationKind,
  operatorName: z.string(),
  address: z.string(),
  phone: z.string(),
  lat: z.number(),
  lng: z.number(),
  rating: z.number().nullable().describe('星级，1–5，0.1 精度：近 90 天评价的平均；不足 5 条为 null（暂无评分）'),
  ratingCount: z.number().int().describe('近 90 天的评价条数'),
  distanceMeters: z.number().int(),
  travelMinutes: z.number().int(),
  travelMode: ZTravelMode,
  withinCircle: z.boolean().describe('这里在它的服务圈内且它正在接单（暂停接单的驿站为 false）'),
  status: ZStationStatus.describe('active 正常接单；suspended 暂停接单（民政监管）'),
  /** Public while suspended (红黑榜), as on the price board. */
  suspendedReason: z.string().nullable().describe('暂停接单的原因（公开）；正常接单时为 null'),
  explanation: z.string().describe('如“兴隆驿站，约 650 米，步行约 9 分钟”'),
})
export type NearbyStation = z.infer<typeof ZNearbyStation>
export const ZNearbyResponse = z.object({
  stations: z.array(ZNearbyStation),
  /** Who comes to this point now: routing's choice among the active stations whose circle covers it (help bar, 首页). */
  servingStation: ZNearbyStation.nullable().describe('现在为这里上门服务的驿站：服务圈覆盖这里、正在接单、路上最快的一家；没有则为 null'),
  hotline: z.literal(HOTLINE),
})
export type NearbyResponse = z.infer<typeof ZNearbyResponse>

export const ZPriceBoardItem = z.object({
  serviceId: z.number().int(),
  code: z.string(),
  name: z.string(),
  category: ZServiceCategory,
  unit: z.string(),
  content: z.string().describe('服务内容'),
  durationMinutes: z.number().int(),
  hoursKind: ZHoursKind.nullable(),
  freeFen: z.number().int().describe('无偿对象应付（分）'),
  lowFen: z.number().int().describe('低偿对象应付（分）'),
  paidFen: z.number().int().describe('有偿（标准价，分）'),
})
export type PriceBoardItem = z.infer<typeof ZPriceBoardItem>

export const ZPriceBoard = z.object({
  station: z.object({
    id: z.number().int(),
    name: z.string(),
    kind: ZStationKind,
    address: z.string(),
    phone: z.string(),
    status: ZStationStatus,
    /** Public while suspended (红黑榜): why the supervisor stopped new orders. */
    suspendedReason: z.string().nullable(),
    rating: z.number().nullable().describe('近 90 天评价的平均星级；不足 5 条为 null（暂无评分）'),
    ratingCount: z.number().int(),
  }),
  operator: z.object({ name: z.string(), licenceNo: z.string(), phone: z.string() }),
  complaintChannels: z.object({ inApp: z.literal(true), stationPhone: z.string(), hotline: z.literal(HOTLINE) }),
  version: z.object({ id: z.number().int(), effectiveFrom: z.string(), publishedAt: z.string() }),
  items: z.array(ZPriceBoardItem),
  /** With ?history=1: every published version, newest first, with its dates and what it changed. */
  history: z.array(ZPriceVersion).optional().describe('加 ?history=1 时：历次公示的版本（最新的在前），含生效时间和变化'),
  /** 双随机抽查 results, newest first (seed 001 #17: results are public). */
  inspections: z.array(ZPublicInspection),
})
export type PriceBoard = z.infer<typeof ZPriceBoard>
export const ZPriceBoardQuery = z.object({ history: z.enum(['0', '1'], { error: 'history 应为 0 或 1' }).optional().describe('1：同时列出历次公示的版本') })

/** A station admin's capacity and opening hours for one service category (local minutes of the day). */
export const ZCapacityRule = z
  .object({
    category: ZServiceCategory,
    openMinute: z.number().int().min(0, { error: '开始时间不正确' }).max(1439, { error: '开始时间不正确' }),
    closeMinute: z.number().int().min(1, { error: '结束时间不正确' }).max(1440, { error: '结束时间不正确' }),
    slotMinutes: z.number().int().min(15, { error: '每个时段至少 15 分钟' }).max(720, { error: '每个时段最多 12 小时' }),
    capacity: z.number().int().min(0, { error: '接单数量不能为负' }).max(500, { error: '接单数量最多 500' }),
  })
  .refine((r) => r.openMinute + r.slotMinutes <= r.closeMinute, { error: '结束时间应晚于开始时间，且至少够一个时段' })
export type CapacityRuleInput = z.infer<typeof ZCapacityRule>
/** A station's whole set of rules: within one category the hours may not overlap (a slot would open twice). */
export const ZCapacityRulesBody = z
  .object({ rules: z.array(ZCapacityRule).max(100, { error: '规则太多，请合并' }) })
  .superRefine(({ rules }, ctx) => {
    const [overlap] = findRuleOverlaps(rules)
    if (overlap) ctx.addIssue({ code: 'custom', path: ['rules', overlap.second], message: describeRuleOverlap(rules, overlap, CATEGORY_LABELS[rules[overlap.first]!.category]) })
  })
export const ZCapacityRulesResponse = z.object({ stationId: z.number().int(), rules: z.array(ZCapacityRule) })
