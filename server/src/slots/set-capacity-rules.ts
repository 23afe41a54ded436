import { and, asc, eq, gte } from 'drizzle-orm'
import type { CapacityRuleInput } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import type { Db } from '../db/client'
import { inTransaction } from '../db/tx'
import { auditLog, capacityRules, stationSlots, stations } from '../db/schema'
import { forbidden, notFound } from '../errors'
import { ruleForSlot } from './slot-times'

async function stationFor(db: Db, auth: Auth, stationId: number) {
  const [s] = await db.select({ id: stations.id }).from(stations).where(eq(stations.id, stationId)).limit(1)
  if (!s) throw notFound('这个驿站')
  if (auth.role !== 'supervisor' && auth.stationId !== stationId) throw forbidden('只能查看和设置本驿站的接单安排')
}

export async function getCapacityRules(deps: AppDeps, auth: Auth, stationId: number) {
  await stationFor(deps.database.db, auth, stationId)
  const rows = await deps.database.db.select().from(capacityRules).where(eq(capacityRules.stationId, stationId)).orderBy(asc(capacityRules.category), asc(capacityRules.openMinute))
  return { stationId, rules: rows.map(({ category, openMinute, closeMinute, slotMinutes, capacity }) => ({ category, openMinute, closeMinute, slotMinutes, capacity })) }
}

/**
 * Replaces a station's opening hours and capacity. Future slots take the new capacity; places already
 * booked are kept even if the new capacity is lower (nobody's visit is silently dropped).
 */
export async function setCapacityRules(deps: AppDeps, auth: Auth, stationId: number, rules: CapacityRuleInput[]) {
  const db = deps.database.db
  await stationFor(db, auth, stationId)
  const now = deps.clock()
  await inTransaction(db, async (tx) => {
    await tx.delete(capacityRules).where(eq(capacityRules.stationId, stationId))
    if (rules.length) await tx.insert(capacityRules).values(rules.map((r) => ({ ...r, stationId })))
    const future = await tx.select().from(stationSlots).where(and(eq(stationSlots.stationId, stationId), gte(stationSlots.slotStart, now))).for('update')
    for (const slot of future) {
      const rule = ruleForSlot(rules.filter((r) => r.category === slot.category).map((r) => ({ ...r, stationId })), slot.slotStart)
      const capacity = Math.max(rule?.capacity ?? 0, slot.booked)
      if (capacity !== slot.capacity) await tx.update(stationSlots).set({ capacity }).where(eq(stationSlots.id, slot.id))
    }
    await tx.insert(auditLog).values({ actorUserId: auth.userId, action: 'capacity.set', entity: 'station', entityId: stationId, detail: { rules: rules.length }, at: now })
  })
  deps.stationFacts.invalidate()
  return getCapacityRules(deps, auth, stationId)
}
