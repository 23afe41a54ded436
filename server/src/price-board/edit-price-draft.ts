import { and, eq } from 'drizzle-orm'
import { PRICE_VERSION_STEPS, type PriceItemInput, type PriceVersion } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { inTransaction, type Tx } from '../db/tx'
import { priceVersions } from '../db/schema'
import { AppError, notFound } from '../errors'
import { recordAudit } from '../audit/record-audit'
import { assertOwnStation } from './station-admin'
import { checkBoard, checkEffectiveTime } from './check-board'
import { announcePublication, versionView, writeLines } from './write-board'
import { linesOf } from './list-price-versions'

/** The version, locked, if it is this station's and the step is allowed in its status (a published version never changes). */
async function lockVersion(tx: Tx, stationId: number, versionId: number, step: keyof typeof PRICE_VERSION_STEPS) {
  const [v] = await tx.select().from(priceVersions).where(and(eq(priceVersions.id, versionId), eq(priceVersions.stationId, stationId))).for('update')
  if (!v) throw notFound('这个价格版本')
  if (!(PRICE_VERSION_STEPS[step] as readonly string[]).includes(v.status)) throw new AppError(409, 'PRICE_VERSION_PUBLISHED', '这个价格版本已经公示，不能再修改；如需调价，请新建一个版本')
  return v
}

/** PUT /api/stations/:id/price-versions/:versionId: replaces a draft's lines, time and note. */
export async function editPriceDraft(deps: AppDeps, auth: Auth, stationId: number, versionId: number, req: { effectiveFrom: string; items: PriceItemInput[]; note?: string }): Promise<PriceVersion> {
  const db = deps.database.db
  await assertOwnStation(db, auth, stationId)
  await checkBoard(db, stationId, req.items)
  const now = deps.clock()
  await inTransaction(db, async (tx) => {
    await lockVersion(tx, stationId, versionId, 'edit')
    await tx.update(priceVersions).set({ effectiveFrom: new Date(req.effectiveFrom), note: req.note ?? null }).where(eq(priceVersions.id, versionId))
    await writeLines(tx, versionId, req.items)
    await recordAudit(tx, { actorUserId: auth.userId, action: 'price.draft_edit', entity: 'price_version', entityId: versionId, detail: { stationId, items: req.items.length }, at: now })
  })
  return versionView(deps, auth, stationId, versionId)
}

/** POST /api/stations/:id/price-versions/:versionId/publish: a draft becomes public (and immutable) from `effectiveFrom`. */
export async function publishPriceDraft(deps: AppDeps, auth: Auth, stationId: number, versionId: number, req: { effectiveFrom: string }): Promise<PriceVersion> {
  const db = deps.database.db
  await assertOwnStation(db, auth, stationId)
  const now = deps.clock()
  const effectiveFrom = new Date(req.effectiveFrom)
  checkEffectiveTime(effectiveFrom, now)
  await inTransaction(db, async (tx) => {
    await lockVersion(tx, stationId, versionId, 'publish')
    // Checked again: the menu or the station's hours may have changed since the draft was saved.
    await checkBoard(tx, stationId, (await linesOf(tx, [versionId])).get(versionId) ?? [])
    await tx.update(priceVersions).set({ status: 'published', effectiveFrom, publishedBy: auth.userId, publishedAt: now }).where(eq(priceVersions.id, versionId))
    await recordAudit(tx, { actorUserId: auth.userId, action: 'price.publish', entity: 'price_version', entityId: versionId, detail: { stationId, effectiveFrom: effectiveFrom.toISOString() }, at: now })
  })
  await announcePublication(deps, stationId)
  return versionView(deps, auth, stationId, versionId)
}
