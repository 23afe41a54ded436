import { asc, eq } from 'drizzle-orm'
import { INSPECTION_RESULT_LABELS, toBusinessIso, type InspectionDraw } from '@carecircle/shared'
import type { Db } from '../db/client'
import { inspectionDraws, inspections, stations } from '../db/schema'
import { notFound } from '../errors'

export async function getInspectionDraw(db: Db, drawId: number): Promise<InspectionDraw> {
  const [draw] = await db.select().from(inspectionDraws).where(eq(inspectionDraws.id, drawId)).limit(1)
  if (!draw) throw notFound('这次抽查')
  const rows = await db
    .select({ i: inspections, name: stations.name })
    .from(inspections)
    .innerJoin(stations, eq(stations.id, inspections.stationId))
    .where(eq(inspections.drawId, drawId))
    .orderBy(asc(inspections.id))
  return {
    id: draw.id, seed: draw.seed, drawnAt: toBusinessIso(draw.drawnAt), candidateCount: draw.candidateIds.length,
    inspections: rows.map(({ i, name }) => ({
      id: i.id, station: { id: i.stationId, name }, result: i.result, resultLabel: i.result ? INSPECTION_RESULT_LABELS[i.result] : null,
      notes: i.notes, inspectedAt: i.inspectedAt ? toBusinessIso(i.inspectedAt) : null,
    })),
  }
}
