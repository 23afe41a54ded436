import { and, desc, eq, gte } from 'drizzle-orm'
import { RATING_MIN_COUNT, toBusinessIso, type HonourBoard } from '@carecircle/shared'
import type { Db } from '../db/client'
import { operators, stations } from '../db/schema'

const BEST = 10

/** 红黑榜 (public): the best-rated stations with enough ratings, and every suspended station with its reason. */
export async function getHonourBoard(db: Db): Promise<HonourBoard> {
  const cols = { id: stations.id, name: stations.name, operatorName: operators.name, ratingTenths: stations.ratingTenths, ratingCount: stations.ratingCount, reason: stations.suspendedReason, suspendedAt: stations.suspendedAt }
  const best = await db
    .select(cols)
    .from(stations)
    .innerJoin(operators, eq(operators.id, stations.operatorId))
    .where(and(eq(stations.status, 'active'), gte(stations.ratingCount, RATING_MIN_COUNT)))
    .orderBy(desc(stations.ratingTenths), desc(stations.ratingCount), stations.id)
    .limit(BEST)
  const suspended = await db.select(cols).from(stations).innerJoin(operators, eq(operators.id, stations.operatorId)).where(eq(stations.status, 'suspended')).orderBy(desc(stations.suspendedAt))
  return {
    best: best.map((s) => ({ id: s.id, name: s.name, operatorName: s.operatorName, rating: s.ratingTenths / 10, ratingCount: s.ratingCount })),
    suspended: suspended.map((s) => ({ id: s.id, name: s.name, operatorName: s.operatorName, reason: s.reason ?? '', suspendedAt: s.suspendedAt ? toBusinessIso(s.suspendedAt) : '' })),
  }
}
