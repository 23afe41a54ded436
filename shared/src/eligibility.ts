import { z } from 'zod'
import { ZInstant, ZLocalDate, ZPlainText, minutesText } from './common'
import { HOURS_KINDS, ZHoursKind } from './catalog'
import { ZTier, type Tier } from './elders'

/**
 * Why an elder pays less or nothing (seed 004), each with the tier it grants and the plain words the elder reads.
 * A supervisor sets one after seeing the papers; an elder never sets their own.
 */
export const TIER_CATEGORIES = {
  dibao: { tier: 'free', label: '低保', because: '是低保老人' },
  tekun: { tier: 'free', label: '特困', because: '是特困供养老人' },
  age_90_plus: { tier: 'free', label: '90 岁以上', because: '是 90 岁以上老人' },
  key_entitled: { tier: 'free', label: '重点优抚对象', because: '是重点优抚对象' },
  wulao: { tier: 'free', label: '五老人员', because: '是“五老”人员' },
  disability_grade2: { tier: 'free', label: '重度残疾（二级以上）', because: '有二级以上残疾' },
  low_income_disabled: { tier: 'free', label: '低收入失能', because: '是生活不能自理的低收入老人' },
  empty_nest: { tier: 'low', label: '空巢', because: '是空巢老人（子女不在本市）' },
  shidu_70_plus: { tier: 'low', label: '失独（70 岁以上）', because: '是 70 岁以上失独老人' },
  low_income_family: { tier: 'low', label: '低收入家庭', because: '家庭是低收入家庭' },
  none: { tier: 'paid', label: '无', because: '' },
} as const satisfies Record<string, { tier: Tier; label: string; because: string }>
export type TierCategory = keyof typeof TIER_CATEGORIES
export const TIER_CATEGORY_CODES = Object.keys(TIER_CATEGORIES) as [TierCategory, ...TierCategory[]]
export const ZTierCategory = z.enum(TIER_CATEGORY_CODES, { error: '请选择老人的类别，例如低保、90 岁以上、空巢' })

/** Ages a category needs on the day it is set (the papers must say the rest). */
export const CATEGORY_MIN_AGE: Partial<Record<TierCategory, number>> = { age_90_plus: 90, shidu_70_plus: 70 }

/** "您是 90 岁以上老人，助洁等服务免费" — the tier and why, as the elder (您) or family (the name) reads it. */
export function tierExplanation(tier: Tier, category: TierCategory, who = '您', expired = false): string {
  if (expired) return `${who}的优惠认定已到期，现按有偿价格收费。如仍符合条件，请联系社区或拨打 12349 重新认定`
  if (tier === 'paid' || category === 'none') return `${who}按有偿价格收费。如果是低保、特困、90 岁以上、空巢等老人，可以请社区工作人员上门认定`
  const because = TIER_CATEGORIES[category].because
  return tier === 'free'
    ? `${who}${because}，助洁、助医等服务免费，每周还有政府购买的服务时长`
    : `${who}${because}，服务按低偿价格收费，每周还有政府购买的服务时长`
}

export const ZSetTierRequest = z
  .object({
    tier: ZTier,
    category: ZTierCategory,
    reason: ZPlainText(200, '认定依据').pipe(z.string().min(2, { error: '请写明认定依据，例如查看了低保证' })),
    expiresAt: ZInstant('到期时间').optional(),
  })
  .refine((r) => TIER_CATEGORIES[r.category].tier === r.tier, {
    error: '类别和优惠档次不一致：低保、特困、90 岁以上等为无偿，空巢、失独、低收入家庭为低偿',
    path: ['category'],
  })
export type SetTierRequest = z.infer<typeof ZSetTierRequest>

export const ZElderTier = z.object({
  elderId: z.number().int(),
  tier: ZTier,
  category: ZTierCategory,
  categoryLabel: z.string(),
  verified: z.boolean(),
  verifiedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  explanation: z.string().describe('给老人看的一句话，例如“您是 90 岁以上老人，助洁等服务免费”'),
})
export type ElderTier = z.infer<typeof ZElderTier>

/** One movement of purchased minutes: each tied to its cause (the week's grant, an order, or a supervisor). */
export const HOURS_MOVEMENTS = ['grant', 'use', 'refund', 'adjust'] as const
export const ZHoursMovement = z.enum(HOURS_MOVEMENTS)
export type HoursMovement = z.infer<typeof ZHoursMovement>
export const HOURS_MOVEMENT_LABELS: Record<HoursMovement, string> = { grant: '每周发放', use: '预约使用', refund: '退回', adjust: '调整' }
export const HOURS_KIND_LABELS: Record<(typeof HOURS_KINDS)[number], string> = { housekeeping: '家政', medical: '医疗' }

export const ZHoursEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  kind: ZHoursKind,
  movement: ZHoursMovement,
  deltaMinutes: z.number().int(),
  reason: z.string(),
  orderId: z.number().int().nullable(),
})
export type HoursEntry = z.infer<typeof ZHoursEntry>
export const ZHoursBalance = z.object({
  kind: ZHoursKind,
  grantedMinutes: z.number().int(),
  usedMinutes: z.number().int(),
  remainingMinutes: z.number().int().describe('= 本周流水之和'),
  text: z.string().describe('例如“家政：本周还剩 2 小时（共 3 小时）”'),
})
export const ZHoursQuery = z.object({
  // A real calendar day: 2026-13-45 is a 400, never an invalid date reaching the week arithmetic.
  week: ZLocalDate.optional().describe('这一周里的任意一天；不填为本周'),
})
export const ZHoursResponse = z.object({
  elderId: z.number().int(),
  weekStart: z.string(),
  tier: ZElderTier,
  balances: z.array(ZHoursBalance),
  /** This week's movements, newest first. */
  ledger: z.array(ZHoursEntry),
  /** The weekly grant for this elder, and whether a supervisor set it for them. */
  weeklyGrant: z.object({ housekeepingMinutes: z.number().int(), medicalMinutes: z.number().int(), overridden: z.boolean() }),
})
export type HoursResponse = z.infer<typeof ZHoursResponse>

const ZMinutes = (label: string) => z.number({ error: `${label}应为分钟数` }).int({ error: `${label}应为整数分钟` })
export const ZHoursAdjustRequest = z.object({
  kind: ZHoursKind,
  minutes: ZMinutes('调整的时长').min(-600, { error: '一次最多减少 600 分钟' }).max(600, { error: '一次最多增加 600 分钟' }).refine((m) => m !== 0, { error: '调整的时长不能为 0' }),
  reason: ZPlainText(200, '调整原因').pipe(z.string().min(2, { error: '请写明调整原因' })),
  week: ZHoursQuery.shape.week,
})
export type HoursAdjustRequest = z.infer<typeof ZHoursAdjustRequest>
/** A supervisor's weekly grant for one elder (null: the district's default again). */
export const ZWeeklyGrantRequest = z.object({
  housekeepingMinutes: ZMinutes('家政时长').min(0).max(2400, { error: '每周最多 40 小时' }).nullable(),
  medicalMinutes: ZMinutes('医疗时长').min(0).max(2400, { error: '每周最多 40 小时' }).nullable(),
  reason: ZPlainText(200, '原因').pipe(z.string().min(2, { error: '请写明原因' })),
})
export type WeeklyGrantRequest = z.infer<typeof ZWeeklyGrantRequest>

/** "家政：本周还剩 2 小时（共 3 小时）"; `week` says which week ("下周" on a Sunday looking ahead). */
export function balanceText(kind: (typeof HOURS_KINDS)[number], granted: number, used: number, week = '本周'): string {
  return `${HOURS_KIND_LABELS[kind]}：${week}还剩 ${minutesText(Math.max(0, granted - used))}（共 ${minutesText(granted)}）`
}

const DAY_MS = 86_400_000
const mondayMs = (weekStart: string) => Date.parse(`${weekStart}T00:00:00Z`)
const monthDay = (ms: number) => `${new Date(ms).getUTCMonth() + 1}月${new Date(ms).getUTCDate()}日`

/** A week (its Monday, YYYY-MM-DD) seen from today's week: 本周, 下周, 上周, or null for any other. */
export function weekWord(weekStart: string, todayWeekStart: string): '本周' | '下周' | '上周' | null {
  const weeks = Math.round((mondayMs(weekStart) - mondayMs(todayWeekStart)) / (7 * DAY_MS))
  return weeks === 0 ? '本周' : weeks === 1 ? '下周' : weeks === -1 ? '上周' : null
}

/**
 * The week purchased minutes come from, as a price explanation says it — the visit's week, not the booking's:
 * "本周", "下周（12月7日起）" (booked on Sunday for Monday), else "12月14日–12月20日这一周".
 */
export function hoursWeekText(weekStart: string, todayWeekStart: string): string {
  const word = weekWord(weekStart, todayWeekStart)
  const monday = mondayMs(weekStart)
  if (word === '本周') return word
  if (word === '下周') return `下周（${monthDay(monday)}起）`
  return `${monthDay(monday)}–${monthDay(monday + 6 * DAY_MS)}这一周`
}

/** 与附近驿站比价: the same service at every station whose circle covers the elder's home, by the elder's own price. */
export const ZPriceComparisonQuery = z.object({
  serviceId: z.string({ error: '缺少服务编号 serviceId' }).regex(/^[1-9]\d{0,15}$/, { error: '服务编号应为正整数' }).transform(Number),
})
export const ZPriceComparison = z.object({
  elderId: z.number().int(),
  service: z.object({ id: z.number().int(), name: z.string(), unit: z.string() }),
  tier: ZTier,
  /** "按王秀英的价格（无偿）从低到高" — whose price the list is sorted by. */
  basis: z.string(),
  stations: z.array(
    z.object({
      stationId: z.number().int(),
      name: z.string(),
      operatorName: z.string(),
      status: z.enum(['active', 'suspended']),
      yourPriceFen: z.number().int().describe('这位老人按其认定档次应付的单价（未扣政府购买时长），分'),
      listPriceFen: z.number().int().describe('标准价（有偿价），分'),
      travelMinutes: z.number().int(),
      distanceMeters: z.number().int(),
      travelMode: z.string(),
      rating: z.number().nullable().describe('近 90 天评分，评价不足 5 条时为空（暂无评分）'),
      ratingCount: z.number().int(),
    }),
  ),
  /** Stations covering the home that have not priced this service (not offered there). */
  notOffered: z.number().int(),
})
export type PriceComparison = z.infer<typeof ZPriceComparison>
