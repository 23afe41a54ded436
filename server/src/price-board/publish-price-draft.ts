import { eq } from 'drizzle-orm'
import type { PriceVersion, PublishDraftRequest } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { inTransaction } from '../db/tx'
import { priceVersions } from '../db/schema'
import { recordAudit } from '../audit/record-audit'
import { assertOwnStation } from './station-admin'
import { checkBoard, checkEffectiveTime } from './check-board'
import { announcePublication, lockVersion, versionView } from './write-board'
import { linesOf } from './list-price-versions'
import { checkWaiting } from './waiting-versions'

/** POST /api/stations/:id/price-versions/:versionId/publish: a draft becomes public (and immutable) from `effectiveFrom`. */
export async function publishPriceDraft(deps: AppDeps, auth: Auth, stationId: number, versionId: number, req: PublishDraftRequest): Promise<PriceVersion> {
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
    await checkWaiting(tx, stationId, versionId, effectiveFrom, req.confirmWaiting)
    await recordAudit(tx, { actorUserId: auth.userId, action: 'price.publish', entity: 'price_version', entityId: versionId, detail: { stationId, effectiveFrom: effectiveFrom.toISOString() }, at: now })
  })
  await announcePublication(deps, stationId)
  return versionView(deps, auth, stationId, versionId)
}
