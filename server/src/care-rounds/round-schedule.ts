import { ROUND_GRACE_MS, ROUND_OUTCOME_RULES, businessDayStart, type RoundMode, type RoundOutcome, type RoundStatus } from '@carecircle/shared'

const DAY = 86_400_000
/** Rounds appear on the station's list a day before they fall due, so a worker can plan the day. */
export const ROUND_LEAD_MS = DAY
/** A sweeper that was stopped for a long time catches up at most this many rounds per plan per sweep. */
const CATCH_UP = 62

/** A round falls due at 18:00 business time of its day: the end of a working day. */
export const dueAtOn = (date: string) => new Date(businessDayStart(date).getTime() + 18 * 3600_000)

export interface PlanFacts {
  id: number
  elderId: number
  mode: RoundMode
  everyDays: number
  firstDueAt: Date
  endedAt: Date | null
}
export interface RoundDue {
  planId: number
  elderId: number
  mode: RoundMode
  dueAt: Date
}

/**
 * The scheduler (pure): for each plan in force, the rounds not yet created that fall due by now + lead — the
 * first at firstDueAt, each next one everyDays after the last created (a changed frequency counts from there).
 * `lastDue` holds the latest due time already created per plan. Rounds the sweep missed are created late, and
 * then show as missed: a gap in the rounds is never hidden.
 */
export function roundsToCreate(plans: readonly PlanFacts[], lastDue: ReadonlyMap<number, Date>, now: Date, leadMs = ROUND_LEAD_MS): RoundDue[] {
  const out: RoundDue[] = []
  const horizon = now.getTime() + leadMs
  for (const p of plans) {
    if (p.endedAt && p.endedAt.getTime() <= now.getTime()) continue
    const last = lastDue.get(p.id)
    let next = last ? last.getTime() + p.everyDays * DAY : p.firstDueAt.getTime()
    for (let n = 0; next <= horizon && n < CATCH_UP; n++, next += p.everyDays * DAY) out.push({ planId: p.id, elderId: p.elderId, mode: p.mode, dueAt: new Date(next) })
  }
  return out
}

/** Not done more than a day after it fell due. */
export const isMissed = (r: { status: RoundStatus; dueAt: Date }, now: Date) => r.status === 'open' && now.getTime() > r.dueAt.getTime() + ROUND_GRACE_MS

export interface RoundFact {
  elderId: number
  stationId: number | null
  dueAt: Date
  status: RoundStatus
  outcome: RoundOutcome | null
  recordedAt: Date | null
}
export type NotOnScheduleWhy = 'missed' | 'late' | 'not_reached'
export const WHY_TEXT: Record<NotOnScheduleWhy, string> = { missed: '有巡访超过 1 天未办', late: '有巡访晚于应办时间 1 天以上才办', not_reached: '有巡访上门时不在家' }

export interface ScheduleShare {
  elders: number
  onSchedule: number
}

/**
 * Round coverage for a period (pure): an elder was visited on schedule when every round due in [from, to) that
 * can be judged by now (done, or open past its day of grace) was done within a day of its due time and reached
 * the elder (ROUND_OUTCOME_RULES.contact). Rounds still within their grace and cancelled ones do not count either
 * way; an elder with none that count is not in the figures yet. Each elder counts for the station of their latest
 * round (null: the supervisors' list).
 */
export function roundCoverage(rounds: readonly RoundFact[], from: Date, to: Date, now: Date) {
  const perElder = new Map<number, { stationId: number | null; latest: number; why: NotOnScheduleWhy | null }>()
  const worse = (a: NotOnScheduleWhy | null, b: NotOnScheduleWhy | null) => (a === 'missed' || b === 'missed' ? 'missed' : a === 'late' || b === 'late' ? 'late' : (a ?? b))
  for (const r of rounds) {
    const due = r.dueAt.getTime()
    if (due < from.getTime() || due >= to.getTime() || r.status === 'cancelled') continue
    if (r.status === 'open' && !isMissed(r, now)) continue
    const why: NotOnScheduleWhy | null =
      r.status === 'open' ? 'missed' : r.recordedAt!.getTime() > due + ROUND_GRACE_MS ? 'late' : !ROUND_OUTCOME_RULES[r.outcome!].contact ? 'not_reached' : null
    const e = perElder.get(r.elderId)
    if (!e) perElder.set(r.elderId, { stationId: r.stationId, latest: due, why })
    else {
      e.why = worse(e.why, why)
      if (due >= e.latest) Object.assign(e, { stationId: r.stationId, latest: due })
    }
  }
  const district: ScheduleShare = { elders: 0, onSchedule: 0 }
  const byStation = new Map<number | null, ScheduleShare>()
  const notOnSchedule: { elderId: number; stationId: number | null; why: NotOnScheduleWhy }[] = []
  for (const [elderId, e] of perElder) {
    const s = byStation.get(e.stationId) ?? { elders: 0, onSchedule: 0 }
    byStation.set(e.stationId, s)
    for (const t of [district, s]) {
      t.elders++
      if (!e.why) t.onSchedule++
    }
    if (e.why) notOnSchedule.push({ elderId, stationId: e.stationId, why: e.why })
  }
  return { district, byStation, notOnSchedule: notOnSchedule.sort((a, b) => a.elderId - b.elderId) }
}
