import { and, eq, inArray } from 'drizzle-orm'
import { CATEGORY_LABELS, isEffectiveTimeAllowed, priceItemProblem, type PriceItemInput } from '@carecircle/shared'
import type { Db } from '../db/client'
import type { Tx } from '../db/tx'
import { capacityRules, services } from '../db/schema'
import { AppError } from '../errors'

/**
 * Refuses a board a station may not publish, with the first problem found. A station "offers" a service when the
 * service is on the district menu (active) and the station has opening hours for its category (capacity_rules):
 * that is what routing needs to send it an order, so a price for anything else would be a promise nobody can book.
 * (A new service is added by setting its hours first, then pricing it.)
 */
export async function checkBoard(db: Db | Tx, stationId: number, items: readonly PriceItemInput[]): Promise<void> {
  const ids = [...new Set(items.map((i) => i.serviceId))]
  const menu = new Map((await db.select().from(services).where(inArray(services.id, ids))).map((s) => [s.id, s]))
  const unknown = items.findIndex((i) => !menu.get(i.serviceId)?.active)
  if (unknown >= 0) throw new AppError(400, 'SERVICE_NOT_OFFERED', `第 ${unknown + 1} 项不是服务菜单上的服务，请从菜单中选择`, { itemIndex: unknown })

  const problem = priceItemProblem(items, (id) => menu.get(id)!.name)
  if (problem) throw new AppError(400, problem.code, problem.message, { itemIndex: problem.index })

  const open = new Set((await db.selectDistinct({ category: capacityRules.category }).from(capacityRules)
    .where(and(eq(capacityRules.stationId, stationId), inArray(capacityRules.category, [...new Set([...menu.values()].map((s) => s.category))])))).map((r) => r.category))
  const closed = items.findIndex((i) => !open.has(menu.get(i.serviceId)!.category))
  if (closed >= 0) {
    const s = menu.get(items[closed]!.serviceId)!
    throw new AppError(400, 'SERVICE_NOT_OFFERED', `本驿站还没有设置${CATEGORY_LABELS[s.category]}的服务时间，不能公示“${s.name}”的价格；请先在接单安排里设置服务时间`, { itemIndex: closed })
  }
}

/** An effective time before the request's clock is refused (no tolerance: "now" is the clock at the request). */
export function checkEffectiveTime(effectiveFrom: Date, now: Date): void {
  if (!isEffectiveTimeAllowed(effectiveFrom, now)) throw new AppError(400, 'EFFECTIVE_TIME_PAST', '生效时间已经过去了，请选择现在或以后的时间')
}
