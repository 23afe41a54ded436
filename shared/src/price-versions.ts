import { z } from 'zod'
import { ZId, ZInstant, ZPlainText, formatYuan, type ErrorCode } from './common'

/** ¥10,000 per unit: the most a board may ask (also the database's CHECK on price_items). */
export const MAX_PRICE_FEN = 1_000_000
/** A draft is the station admin's work in progress; published versions are immutable. */
export const PRICE_VERSION_STATUSES = ['draft', 'published'] as const
export type PriceVersionStatus = (typeof PRICE_VERSION_STATUSES)[number]
/** What may be done to a version in which status: edit and publish only a draft (a published version never changes). */
export const PRICE_VERSION_STEPS = { edit: ['draft'], publish: ['draft'] } as const satisfies Record<string, readonly PriceVersionStatus[]>

/** Fen as typed: integers of any sign here, so a negative price gets its own answer (PRICE_OUT_OF_RANGE), not a generic one. */
const fen = (label: string) => z.number({ error: `${label}应为数字（分）` }).int({ error: `${label}应为整数（分）` })

export const ZPriceItemInput = z.object({
  serviceId: z.number({ error: '请选择服务项目' }).int().positive(),
  unit: ZPlainText(16, '计价单位').min(1, { error: '请填写计价单位，如“次”“小时”' }),
  content: ZPlainText(300, '服务内容').min(1, { error: '请填写服务内容' }),
  paidFen: fen('标准价'),
  lowFen: fen('低偿价'),
  freeFen: fen('无偿价'),
})
export type PriceItemInput = z.infer<typeof ZPriceItemInput>

const ZEffectiveFrom = ZInstant('生效时间')
/** The waiting versions the admin was shown (409 WAITING_VERSIONS) and still publishes before. */
const ZConfirmWaiting = z
  .array(z.number({ error: '待生效版本编号应为数字' }).int().positive(), { error: 'confirmWaiting 应为版本编号的列表' })
  .max(100)
  .optional()
  .describe('已看过、仍要在它们之前公示的待生效版本编号（来自 409 WAITING_VERSIONS 的 details.waiting[].id）')

export const ZPriceVersionRequest = z.object({
  effectiveFrom: ZEffectiveFrom.describe('生效时间；草稿可先填打算的时间，发布时再定'),
  items: z.array(ZPriceItemInput).min(1, { error: '请至少填写一项服务的价格' }).max(100, { error: '一次最多 100 项服务' }),
  draft: z.boolean().optional().describe('true：只保存草稿，不公示'),
  note: ZPlainText(200, '说明').optional(),
  confirmWaiting: ZConfirmWaiting,
})
export type PriceVersionRequest = z.infer<typeof ZPriceVersionRequest>
export const ZPriceDraftUpdate = ZPriceVersionRequest.omit({ draft: true, confirmWaiting: true })
export const ZPublishDraftRequest = z.object({ effectiveFrom: ZEffectiveFrom, confirmWaiting: ZConfirmWaiting })
export type PublishDraftRequest = z.infer<typeof ZPublishDraftRequest>
export const ZVersionParams = z.object({ id: ZId, versionId: ZId })

export interface PriceProblem {
  code: Extract<ErrorCode, 'PRICE_OUT_OF_RANGE' | 'PRICE_TIERS_OUT_OF_ORDER' | 'DUPLICATE_SERVICE'>
  /** Index of the item at fault. */
  index: number
  message: string
}

/**
 * The first thing wrong with a board's prices, or null: each price 0…¥10,000, and 无偿 ≤ 低偿 ≤ 标准价 (no tier
 * above the list price), each service once. `names` labels items in messages (service id → name).
 */
export function priceItemProblem(items: readonly Pick<PriceItemInput, 'serviceId' | 'paidFen' | 'lowFen' | 'freeFen'>[], names: (serviceId: number) => string = (id) => `第 ${id} 项服务`): PriceProblem | null {
  const seen = new Set<number>()
  for (const [index, it] of items.entries()) {
    const name = names(it.serviceId)
    if (seen.has(it.serviceId)) return { code: 'DUPLICATE_SERVICE', index, message: `“${name}”填了两次，每项服务只能有一个价格` }
    seen.add(it.serviceId)
    for (const [label, v] of [['标准价', it.paidFen], ['低偿价', it.lowFen], ['无偿价', it.freeFen]] as const) {
      if (v < 0) return { code: 'PRICE_OUT_OF_RANGE', index, message: `“${name}”的${label}不能为负数` }
      if (v > MAX_PRICE_FEN) return { code: 'PRICE_OUT_OF_RANGE', index, message: `“${name}”的${label}超过了每单位 ¥${formatYuan(MAX_PRICE_FEN)} 的上限` }
    }
    if (it.lowFen > it.paidFen || it.freeFen > it.paidFen) return { code: 'PRICE_TIERS_OUT_OF_ORDER', index, message: `“${name}”的优惠价高于标准价 ¥${formatYuan(it.paidFen)}，请检查` }
    if (it.freeFen > it.lowFen) return { code: 'PRICE_TIERS_OUT_OF_ORDER', index, message: `“${name}”的无偿价 ¥${formatYuan(it.freeFen)} 高于低偿价 ¥${formatYuan(it.lowFen)}，请检查` }
  }
  return null
}

/** Published only from now on: an effective time before the request's clock would rewrite what residents were already quoted. */
export function isEffectiveTimeAllowed(effectiveFrom: Date, now: Date): boolean {
  return effectiveFrom.getTime() >= now.getTime()
}

const ZTierPrices = z.object({ unit: z.string(), content: z.string(), paidFen: z.number().int(), lowFen: z.number().int(), freeFen: z.number().int() })
export const ZPriceChange = z.object({
  serviceId: z.number().int(),
  name: z.string(),
  kind: z.enum(['added', 'removed', 'changed']),
  before: ZTierPrices.nullable(),
  after: ZTierPrices.nullable(),
  text: z.string().describe('如“居家保洁：标准价 ¥40.00 → ¥42.00”'),
})
export type PriceChange = z.infer<typeof ZPriceChange>

export const ZPriceVersionItem = ZTierPrices.extend({ serviceId: z.number().int(), code: z.string(), name: z.string() })
export const ZPriceVersion = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  status: z.enum(PRICE_VERSION_STATUSES),
  effectiveFrom: z.string(),
  publishedAt: z.string().nullable(),
  note: z.string().nullable(),
  inForce: z.boolean().describe('此刻正在执行的版本'),
  items: z.array(ZPriceVersionItem),
  changes: z.array(ZPriceChange).describe('与上一个已公示版本相比的变化；第一个版本为空'),
})
export type PriceVersion = z.infer<typeof ZPriceVersion>
export const ZPriceVersionList = z.object({
  stationId: z.number().int(),
  versions: z.array(ZPriceVersion).describe('最新的在前；草稿只有本驿站管理员能看到'),
})
export type PriceVersionList = z.infer<typeof ZPriceVersionList>

/**
 * A version already published and waiting for a time later than a new one: when its time comes it replaces the new
 * prices, so publishing before it is confirmed (409 WAITING_VERSIONS lists these in `details.waiting`).
 */
export const ZWaitingVersion = z.object({
  id: z.number().int(),
  effectiveFrom: z.string(),
  changes: z.array(ZPriceChange).describe('到了它的生效时间，价格会怎样变（第一个相对这次的新价格，之后的相对前一个）'),
})
export type WaitingVersion = z.infer<typeof ZWaitingVersion>
export const ZWaitingVersionsDetails = z.object({ waiting: z.array(ZWaitingVersion) })
