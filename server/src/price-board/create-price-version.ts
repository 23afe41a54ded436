import type { PriceVersion, PriceVersionRequest } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { inTransaction } from '../db/tx'
import { priceVersions } from '../db/schema'
import { recordAudit } from '../audit/record-audit'
import { assertOwnStation } from './station-admin'
import { checkBoard, checkEffectiveTime } from './check-board'
import { announcePublication, versionView, writeLines } from './write-board'
import { checkWaiting } from './waiting-versions'

/** POST /api/stations/:id/price-versions: a new version, kept as a draft or published (immutable from then on). */
export async function createPriceVersion(deps: AppDeps, auth: Auth, stationId: number, req: PriceVersionRequest): Promise<PriceVersion> {
  const db = deps.database.db
  await assertOwnStation(db, auth, stationId)
  const now = deps.clock()
  const effectiveFrom = new Date(req.effectiveFrom)
  const draft = req.draft === true
  if (!draft) checkEffectiveTime(effectiveFrom, now)
  await checkBoard(db, stationId, req.items)
  const id = await inTransaction(db, async (tx) => {
    const [res] = await tx.insert(priceVersions).values({
      stationId, status: draft ? 'draft' : 'published', effectiveFrom, publishedBy: auth.userId, publishedAt: draft ? null : now, note: req.note ?? null,
    })
    await writeLines(tx, res.insertId, req.items)
    if (!draft) await checkWaiting(tx, stationId, res.insertId, effectiveFrom, req.confirmWaiting)
    await recordAudit(tx, {
      actorUserId: auth.userId, action: draft ? 'price.draft' : 'price.publish', entity: 'price_version', entityId: res.insertId,
      detail: { stationId, effectiveFrom: effectiveFrom.toISOString(), items: req.items.length }, at: now,
    })
    return res.insertId
  })
  if (!draft) await announcePublication(deps, stationId)
  return versionView(deps, auth, stationId, id)
}
