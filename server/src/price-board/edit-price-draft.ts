import { eq } from 'drizzle-orm'
import type { PriceItemInput, PriceVersion } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { inTransaction } from '../db/tx'
import { priceVersions } from '../db/schema'
import { recordAudit } from '../audit/record-audit'
import { assertOwnStation } from './station-admin'
import { checkBoard } from './check-board'
import { lockVersion, versionView, writeLines } from './write-board'

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
