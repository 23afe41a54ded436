import { randomBytes } from 'node:crypto'
import { asc, eq } from 'drizzle-orm'
import type { InspectionDraw } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { inspectionDraws, inspections, stations } from '../db/schema'
import { inTransaction } from '../db/tx'
import { recordAudit } from '../audit/record-audit'
import { drawStations } from './draw-stations'
import { getInspectionDraw } from './inspection-view'

/** 双随机: draws `count` of the active stations with a recorded seed; each drawn station gets an inspection to record. */
export async function createInspectionDraw(deps: AppDeps, auth: Auth, req: { count: number; seed?: string }): Promise<InspectionDraw> {
  const db = deps.database.db
  const seed = req.seed ?? randomBytes(12).toString('base64url')
  const id = await inTransaction(db, async (tx) => {
    const now = deps.clock()
    const candidateIds = (await tx.select({ id: stations.id }).from(stations).where(eq(stations.status, 'active')).orderBy(asc(stations.id))).map((s) => s.id)
    const drawn = drawStations(candidateIds, seed, req.count)
    const [res] = await tx.insert(inspectionDraws).values({ seed, candidateIds, requestedCount: req.count, drawnBy: auth.userId, drawnAt: now })
    if (drawn.length) await tx.insert(inspections).values(drawn.map((stationId) => ({ drawId: res.insertId, stationId })))
    await recordAudit(tx, { actorUserId: auth.userId, action: 'inspection.draw', entity: 'inspection_draw', entityId: res.insertId, detail: { seed, count: req.count, drawn }, at: now })
    return res.insertId
  })
  return getInspectionDraw(db, id)
}
