import { z } from 'zod'
import { ZIdCursor, ZLatParam, ZLngParam, ZLocalDate, ZPageLimit, ZPlainText } from './common'
import { TIERS, type Tier } from './elders'
import { ZStationKind, ZStationStatus } from './stations'
import { ZMonth } from './reports'

/**
 * The circle a new station gets unless it says otherwise: the stations table's defaults and the seed (15 minutes'
 * walk at 75 m/min with a ×1.3 detour for a 驿站, 2 km for a 综合体). The what-if tool uses the same.
 */
export const DEFAULT_CIRCLE = { circleMinutes: 15, complexMeters: 2000, speedMetersPerMinute: 75, detourPermille: 1300 } as const

/** Age bands of the care map (from birth_date at the report's day); under_60 only for profiles of younger people. */
export const AGE_BANDS = ['under_60', '60_69', '70_79', '80_89', '90_plus'] as const
export type AgeBand = (typeof AGE_BANDS)[number]
export const AGE_BAND_LABELS: Record<AgeBand, string> = { under_60: '60 岁以下', '60_69': '60–69 岁', '70_79': '70–79 岁', '80_89': '80–89 岁', '90_plus': '90 岁及以上' }
export function ageBand(age: number): AgeBand {
  return age < 60 ? 'under_60' : age < 70 ? '60_69' : age < 80 ? '70_79' : age < 90 ? '80_89' : '90_plus'
}

const ZShare = z.number().min(0).max(1).nullable().describe('0–1；没有老人时为 null')
const ZPoint = z.object({ lat: z.number(), lng: z.number() })
const ZTierCounts = z.object({ free: z.number().int(), low: z.number().int(), paid: z.number().int() })
export type TierCounts = Record<Tier, number>

/** Optional bounding box (a community or part of the district); all four or none. */
export const ZAreaQuery = z
  .object({ south: ZLatParam.optional(), west: ZLngParam.optional(), north: ZLatParam.optional(), east: ZLngParam.optional() })
  .refine((q) => [q.south, q.west, q.north, q.east].every((v) => v === undefined) || [q.south, q.west, q.north, q.east].every((v) => v !== undefined), { error: '范围需要同时给出 south、west、north、east 四个值' })
  .refine((q) => q.south === undefined || (q.south < q.north! && q.west! < q.east!), { error: '范围不正确：south 应小于 north，west 应小于 east' })
export type AreaQuery = z.infer<typeof ZAreaQuery>

/** A grid cell as sent to the map: bounds and counts only, never a home. `merged`: lone elders pooled at the 2× coarser cell. */
export const ZMapCell = z.object({
  south: z.number(), west: z.number(), north: z.number(), east: z.number(),
  centre: ZPoint,
  count: z.number().int().min(2),
  byTier: ZTierCounts,
  uncovered: z.number().int(),
  merged: z.boolean(),
})
export type MapCell = z.infer<typeof ZMapCell>

const ZCoverageRow = z.object({ elders: z.number().int(), covered: z.number().int(), share: ZShare })
export const ZCoverageResponse = z.object({
  asOf: z.string(),
  cellMeters: z.number().int(),
  overall: ZCoverageRow,
  byTier: z.array(ZCoverageRow.extend({ tier: z.enum(TIERS), label: z.string() })),
  byAgeBand: z.array(ZCoverageRow.extend({ band: z.enum(AGE_BANDS), label: z.string() })),
  /** Uncovered elders by grid cell, largest first (cells of one elder pooled as on the map; `hidden` counts the rest). */
  uncoveredClusters: z.array(ZMapCell),
  uncoveredHidden: z.number().int().describe('独自一格、合并后仍不足 2 人的未覆盖老人数（不在地图上单独显示）'),
  stations: z.array(z.object({ id: z.number().int(), name: z.string(), kind: ZStationKind, status: ZStationStatus, eldersCovered: z.number().int(), orders30d: z.number().int().describe('近 30 天的订单数（不含已取消）') })),
})
export type CoverageResponse = z.infer<typeof ZCoverageResponse>

export const ZMapStation = z.object({
  id: z.number().int(), name: z.string(), kind: ZStationKind, status: ZStationStatus, lat: z.number(), lng: z.number(),
  /** The circle as a radius (great-circle metres the rule allows) or the published polygon [[lat, lng], …]. */
  radiusMeters: z.number().int().nullable(),
  polygon: z.array(z.tuple([z.number(), z.number()])).nullable(),
})
export const ZCareMapResponse = z.object({
  asOf: z.string(),
  cellMeters: z.number().int(),
  bounds: z.object({ south: z.number(), west: z.number(), north: z.number(), east: z.number() }).nullable(),
  stations: z.array(ZMapStation),
  cells: z.array(ZMapCell),
  hidden: z.number().int().describe('合并后仍独自一格、不在地图上显示的老人数'),
})
export type CareMapResponse = z.infer<typeof ZCareMapResponse>

export const ZWhatIfRequest = z.object({
  kind: ZStationKind,
  /** Leave out to get only the best point. */
  point: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }, { error: '请给出候选点的经纬度' }).optional(),
})
const ZWhatIfResult = z.object({ point: ZPoint, newlyCovered: z.number().int(), byTier: ZTierCounts, shareAfter: ZShare })
export const ZWhatIfResponse = z.object({
  kind: ZStationKind,
  radiusMeters: z.number().int(),
  uncoveredBefore: z.number().int(),
  candidate: ZWhatIfResult.nullable(),
  best: ZWhatIfResult.extend({ candidatesTried: z.number().int(), exhaustive: z.boolean() }).nullable(),
})
export type WhatIfResponse = z.infer<typeof ZWhatIfResponse>

/** 关爱巡访 (careRound): why an elder needs regular rounds. */
export const CARE_REASONS = ['live_alone', 'empty_nest', 'disabled', 'very_old'] as const
export type CareReason = (typeof CARE_REASONS)[number]
export const CARE_REASON_LABELS: Record<CareReason, string> = { live_alone: '独居', empty_nest: '空巢', disabled: '失能', very_old: '高龄' }
export const ROUND_MODES = ['visit', 'phone'] as const
export type RoundMode = (typeof ROUND_MODES)[number]
export const ROUND_MODE_LABELS: Record<RoundMode, string> = { visit: '上门走访', phone: '电话问候' }
export const ROUND_STATUSES = ['open', 'done', 'cancelled'] as const
export type RoundStatus = (typeof ROUND_STATUSES)[number]
export const ROUND_OUTCOMES = ['visited_well', 'not_home', 'needs_help', 'phoned'] as const
export type RoundOutcome = (typeof ROUND_OUTCOMES)[number]

/**
 * The outcomes declared once: their words, whether a note is required, whether the elder was reached (a round
 * counts toward "visited on schedule" only then), and whether family and supervisors are told at once.
 */
export const ROUND_OUTCOME_RULES: Record<RoundOutcome, { label: string; noteRequired: boolean; contact: boolean; alert: boolean }> = {
  visited_well: { label: '看过了，一切都好', noteRequired: false, contact: true, alert: false },
  not_home: { label: '上门时不在家', noteRequired: false, contact: false, alert: false },
  needs_help: { label: '需要帮助', noteRequired: true, contact: true, alert: true },
  phoned: { label: '电话问候过，一切都好', noteRequired: false, contact: true, alert: false },
}
/** A round not done this long after its due time is missed (flagged on the supervisor's desk). */
export const ROUND_GRACE_MS = 86_400_000

const ZEveryDays = z.number({ error: '请填写每隔几天一次' }).int({ error: '天数应为整数' }).min(1, { error: '至少每天一次' }).max(90, { error: '最长 90 天一次' })
export const ZCarePlanRequest = z.object({
  elderId: z.number({ error: '请选择老人' }).int().positive(),
  reason: z.enum(CARE_REASONS, { error: '原因应为 独居、空巢、失能 或 高龄' }),
  note: ZPlainText(200, '说明').optional(),
  mode: z.enum(ROUND_MODES, { error: '方式应为 上门走访 或 电话问候' }),
  everyDays: ZEveryDays,
  /** First round's day (Asia/Shanghai); today when left out. */
  startsOn: ZLocalDate.optional(),
})
export const ZCarePlanUpdate = z
  .object({ reason: z.enum(CARE_REASONS, { error: '原因应为 独居、空巢、失能 或 高龄' }).optional(), note: ZPlainText(200, '说明').optional(), mode: z.enum(ROUND_MODES).optional(), everyDays: ZEveryDays.optional() })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { error: '请至少修改一项' })
export const ZCarePlanEnd = z.object({ reason: ZPlainText(200, '结束原因').min(2, { error: '请写明结束巡访的原因' }) })
export const ZCarePlan = z.object({
  id: z.number().int(),
  elder: z.object({ id: z.number().int(), name: z.string() }),
  reason: z.enum(CARE_REASONS), reasonLabel: z.string(),
  note: z.string().nullable(),
  mode: z.enum(ROUND_MODES), everyDays: z.number().int(),
  frequencyText: z.string().describe('如“每 7 天上门走访一次”'),
  firstDueAt: z.string(),
  endedAt: z.string().nullable(),
})
export type CarePlan = z.infer<typeof ZCarePlan>
/** Plans in force, oldest first, a page at a time (the previous `nextCursor`): nothing is dropped. */
export const ZCarePlansQuery = z.object({ cursor: ZIdCursor.optional().describe('上一页返回的 nextCursor'), limit: ZPageLimit.optional() })
export type CarePlansQuery = z.infer<typeof ZCarePlansQuery>
export const ZCarePlansResponse = z.object({
  plans: z.array(ZCarePlan),
  total: z.number().int().describe('正在执行的计划一共多少个'),
  nextCursor: z.string().nullable().describe('下一页的翻页标记；null 表示已经全部列出'),
})
export type CarePlansResponse = z.infer<typeof ZCarePlansResponse>

export const ZCareRound = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  /**
   * Address and phone are personal data: in full only for whoever does the round (its station's staff; the
   * supervisors for an elder outside every circle). Everyone else gets no address and the phone masked.
   */
  elder: z.object({
    id: z.number().int(),
    name: z.string(),
    address: z.string().nullable().describe('只给负责这次巡访的人；其他人为 null'),
    phone: z.string().nullable().describe('负责巡访的人看到完整号码，其他人看到 138****0001；没有登记为 null'),
  }),
  /** The plan's note for the worker (e.g. "耳背，敲门要用力"); only for whoever does the round. */
  planNote: z.string().nullable(),
  station: z.object({ id: z.number().int(), name: z.string() }).nullable().describe('null：不在任何服务圈内，由民政人员安排'),
  mode: z.enum(ROUND_MODES), modeLabel: z.string(),
  dueAt: z.string(),
  status: z.enum(ROUND_STATUSES),
  missed: z.boolean().describe('超过应办时间 1 天仍未办'),
  outcome: z.enum(ROUND_OUTCOMES).nullable(), outcomeLabel: z.string().nullable(),
  note: z.string().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string().nullable(),
})
export type CareRound = z.infer<typeof ZCareRound>
export const ZCareRoundsQuery = z.object({
  status: z.enum(ROUND_STATUSES, { error: 'status 应为 open、done 或 cancelled' }).optional(),
  cursor: z.string().max(200).optional(),
})
export const ZCareRoundsResponse = z.object({ rounds: z.array(ZCareRound), nextCursor: z.string().nullable() })
export const ZRoundOutcomeRequest = z
  .object({ outcome: z.enum(ROUND_OUTCOMES, { error: '结果应为 看过了一切都好、上门时不在家、需要帮助 或 电话问候过' }), note: ZPlainText(200, '情况说明').optional() })
  .refine((b) => !ROUND_OUTCOME_RULES[b.outcome].noteRequired || (b.note ?? '').length >= 2, { error: '选择“需要帮助”时请写明需要什么帮助', path: ['note'] })
export type RoundOutcomeRequest = z.infer<typeof ZRoundOutcomeRequest>

export const ZElderRoundsResponse = z.object({
  elder: z.object({ id: z.number().int(), name: z.string() }),
  plan: ZCarePlan.nullable(),
  rounds: z.array(ZCareRound),
})
export type ElderRoundsResponse = z.infer<typeof ZElderRoundsResponse>

/** A business month, the current one when left out. */
export const ZRoundCoverageQuery = z.object({ month: ZMonth.optional() })
export const ZElderRoundsQuery = ZRoundCoverageQuery
const ZRoundShare = z.object({ elders: z.number().int(), onSchedule: z.number().int(), share: ZShare })
export const ZRoundCoverageResponse = z.object({
  month: z.string(),
  target: z.literal(1),
  district: ZRoundShare,
  stations: z.array(ZRoundShare.extend({ station: z.object({ id: z.number().int(), name: z.string() }).nullable() })),
  notOnSchedule: z.array(z.object({
    elder: z.object({ id: z.number().int(), name: z.string() }),
    station: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    why: z.enum(['missed', 'late', 'not_reached']), whyText: z.string(),
  })),
})
export type RoundCoverageResponse = z.infer<typeof ZRoundCoverageResponse>
