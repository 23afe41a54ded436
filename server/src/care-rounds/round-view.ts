import { asc, desc, eq, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/mysql-core'
import { CARE_REASON_LABELS, ROUND_MODE_LABELS, ROUND_OUTCOME_RULES, maskPhone, toBusinessIso, type CarePlan, type CareRound } from '@carecircle/shared'
import type { Auth } from '../auth/token'
import type { Db } from '../db/client'
import type { Tx } from '../db/tx'
import { careRoundPlans, careRounds, elders, stations, users } from '../db/schema'
import { isMissed } from './round-schedule'

type PlanRow = typeof careRoundPlans.$inferSelect

/** Who does a round: its station's staff, or — for an elder outside every circle (no station) — the supervisors. */
export function doesRound(auth: Auth, r: { stationId: number | null }): boolean {
  if (auth.role === 'supervisor') return r.stationId === null
  return (auth.role === 'staff' || auth.role === 'station_admin') && r.stationId !== null && r.stationId === auth.stationId
}

export function toCarePlan(p: PlanRow, elderName: string): CarePlan {
  return {
    id: p.id,
    elder: { id: p.elderId, name: elderName },
    reason: p.reason,
    reasonLabel: CARE_REASON_LABELS[p.reason],
    note: p.note,
    mode: p.mode,
    everyDays: p.everyDays,
    frequencyText: `${p.everyDays === 1 ? '每天' : `每 ${p.everyDays} 天`}${ROUND_MODE_LABELS[p.mode]}一次`,
    firstDueAt: toBusinessIso(p.firstDueAt),
    endedAt: p.endedAt && toBusinessIso(p.endedAt),
  }
}

/** Plans with their elder's name, as the supervisor lists them. */
export async function fetchPlans(db: Db | Tx, where: SQL | undefined, limit = 500): Promise<CarePlan[]> {
  const rows = await db.select({ p: careRoundPlans, elderName: elders.name }).from(careRoundPlans).innerJoin(elders, eq(elders.id, careRoundPlans.elderId)).where(where).orderBy(careRoundPlans.id).limit(limit)
  return rows.map((r) => toCarePlan(r.p, r.elderName))
}

const recorder = alias(users, 'recorder')

/**
 * Rounds with the names a list shows (elder, station, who recorded it). The elder's address, phone and the plan's
 * note go in full only to whoever does the round (`doesRound`); others get the phone masked and no address.
 */
export async function fetchRounds(db: Db | Tx, where: SQL | undefined, now: Date, opts: { limit: number; order: 'asc' | 'desc' }, viewer: Auth): Promise<CareRound[]> {
  const dir = opts.order === 'asc' ? asc : desc
  const rows = await db
    .select({
      r: careRounds, elder: { name: elders.name, address: elders.address, phone: elders.phone }, planNote: careRoundPlans.note,
      stationName: stations.name, recorderName: recorder.name,
    })
    .from(careRounds)
    .innerJoin(elders, eq(elders.id, careRounds.elderId))
    .innerJoin(careRoundPlans, eq(careRoundPlans.id, careRounds.planId))
    .leftJoin(stations, eq(stations.id, careRounds.stationId))
    .leftJoin(recorder, eq(recorder.id, careRounds.recordedBy))
    .where(where)
    .orderBy(dir(careRounds.dueAt), dir(careRounds.id))
    .limit(opts.limit)
  return rows.map(({ r, elder, planNote, stationName, recorderName }) => {
    const worker = doesRound(viewer, r)
    return {
      id: r.id,
      planId: r.planId,
      elder: { id: r.elderId, name: elder.name, address: worker ? elder.address : null, phone: worker ? elder.phone : maskPhone(elder.phone) },
      planNote: worker ? planNote : null,
      station: r.stationId && stationName ? { id: r.stationId, name: stationName } : null,
      mode: r.mode,
      modeLabel: ROUND_MODE_LABELS[r.mode],
      dueAt: toBusinessIso(r.dueAt),
      status: r.status,
      missed: isMissed(r, now),
      outcome: r.outcome,
      outcomeLabel: r.outcome && ROUND_OUTCOME_RULES[r.outcome].label,
      note: r.note,
      recordedBy: recorderName,
      recordedAt: r.recordedAt && toBusinessIso(r.recordedAt),
    }
  })
}
