import { and, eq } from 'drizzle-orm'
import { PRICE_VERSION_STEPS, type PriceItemInput, type PriceVersion } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import type { Tx } from '../db/tx'
import { violatedConstraint } from '../db/tx'
import { priceItems, priceVersions } from '../db/schema'
import { AppError, notFound } from '../errors'
import { listPriceVersions } from './list-price-versions'

/** Replaces a version's lines (a new version has none). The tier CHECK refusing a line is the caller's mistake, never a 500. */
export async function writeLines(tx: Tx, versionId: number, items: readonly PriceItemInput[]): Promise<void> {
  await tx.delete(priceItems).where(eq(priceItems.priceVersionId, versionId))
  try {
    await tx.insert(priceItems).values(items.map((i) => ({ priceVersionId: versionId, serviceId: i.serviceId, unit: i.unit, content: i.content, paidFen: i.paidFen, lowFen: i.lowFen, freeFen: i.freeFen })))
  } catch (e) {
    if (violatedConstraint(e) === 'price_items_tier_order') throw new AppError(400, 'PRICE_TIERS_OUT_OF_ORDER', '价格应满足 0 ≤ 无偿价 ≤ 低偿价 ≤ 标准价 ≤ ¥10000.00，请检查')
    throw e
  }
}

/**
 * After a publication commits: this process drops its station facts at once, and every other process on the
 * same database hears it through the broadcast; each then loads the new version and quotes it from its effective time.
 */
export async function announcePublication(deps: AppDeps, stationId: number): Promise<void> {
  deps.stationFacts.invalidate()
  await deps.broadcast.publish('station-facts', stationId)
}

/** The version as its admin now sees it. */
export async function versionView(deps: AppDeps, auth: Auth, stationId: number, versionId: number): Promise<PriceVersion> {
  const { versions } = await listPriceVersions(deps.database.db, auth, stationId, deps.clock())
  return versions.find((v) => v.id === versionId)!
}

/** The version, locked, if it is this station's and the step is allowed in its status (a published version never changes). */
export async function lockVersion(tx: Tx, stationId: number, versionId: number, step: keyof typeof PRICE_VERSION_STEPS) {
  const [v] = await tx.select().from(priceVersions).where(and(eq(priceVersions.id, versionId), eq(priceVersions.stationId, stationId))).for('update')
  if (!v) throw notFound('这个价格版本')
  if (!(PRICE_VERSION_STEPS[step] as readonly string[]).includes(v.status)) throw new AppError(409, 'PRICE_VERSION_PUBLISHED', '这个价格版本已经公示，不能再修改；如需调价，请新建一个版本')
  return v
}
