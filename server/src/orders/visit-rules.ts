import { checkInWindow, checkOutConsequences, formatBusinessDateTime, toBusinessIso } from '@carecircle/shared'
import type { CheckInLocation, CheckInRule, GeoPoint } from '@carecircle/shared'
import { greatCircleMeters } from '../stations/service-circle'
import { AppError } from '../errors'

/**
 * Electronic Visit Verification rules (the US 21st Century Cures Act's six facts: service, person served,
 * person serving, date, location, begin and end time). Purchased hours are paid on what these prove, so the
 * server's clock decides the times, never the worker's word. Pure: data in, data or an AppError out.
 */

/** Check-in is accepted only in a window around the slot; outside it the answer says when it opens or closed. */
export function assertCheckInOpen(now: Date, slotStart: Date, rule: CheckInRule): void {
  const { opensAt, closesAt } = checkInWindow(slotStart, rule)
  const details = { opensAt: toBusinessIso(opensAt), closesAt: toBusinessIso(closesAt) }
  if (now < opensAt) {
    throw new AppError(409, 'CHECK_IN_NOT_OPEN', `还没到签到时间：${formatBusinessDateTime(opensAt)} 起可以签到（上门时间 ${formatBusinessDateTime(slotStart)}）`, details)
  }
  if (now > closesAt) {
    throw new AppError(409, 'CHECK_IN_CLOSED', `签到时间已过：最晚 ${formatBusinessDateTime(closesAt)} 前签到。请联系驿站负责人处理这一单`, details)
  }
}

export interface ServedMinutes {
  /** Whole minutes between check-in and check-out. */
  clocked: number
  /** What is paid: clocked, or fewer when the worker corrected it down. */
  served: number
  correctionReason: string | null
}

/** Minutes served from the two instants; a correction may only lower them, and needs a reason. */
export function servedMinutes(checkInAt: Date, checkOutAt: Date, correction: { correctedMinutes?: number; correctionReason?: string }): ServedMinutes {
  const clocked = Math.max(0, Math.floor((checkOutAt.getTime() - checkInAt.getTime()) / 60_000))
  const { correctedMinutes, correctionReason } = correction
  if (correctedMinutes === undefined || correctedMinutes === clocked) return { clocked, served: clocked, correctionReason: null }
  if (correctedMinutes > clocked) {
    throw new AppError(400, 'VALIDATION_FAILED', `服务时长只能少报，不能多报：从签到到签退是 ${clocked} 分钟`)
  }
  if (!correctionReason) throw new AppError(400, 'VALIDATION_FAILED', '少报服务时长时，请写明原因')
  return { clocked, served: correctedMinutes, correctionReason }
}

/**
 * A check-out that counts no minutes or takes money from a 无偿 elder goes through only when the worker has
 * confirmed it; otherwise 409 with the consequences in words (also as `details.consequences` for the screen).
 */
export function assertConsequencesConfirmed(facts: Parameters<typeof checkOutConsequences>[0], confirmed: boolean | undefined): void {
  const consequences = checkOutConsequences(facts)
  if (consequences.length === 0 || confirmed) return
  throw new AppError(409, 'CHECK_OUT_NEEDS_CONFIRMATION', `请确认后再签退：${consequences.join('；')}`, { consequences })
}

/** The timeline's sentence for a check-out. */
export function servedText(m: ServedMinutes): string {
  return m.correctionReason ? `服务 ${m.served} 分钟（签到到签退 ${m.clocked} 分钟，少报原因：${m.correctionReason}）` : `服务 ${m.served} 分钟`
}

/** What a check-in stores: when, who, and where the device was (if it said), with its distance from the home. */
export function checkInFacts(userId: number, now: Date, home: GeoPoint, location: CheckInLocation | undefined) {
  return {
    checkInAt: now,
    checkedInBy: userId,
    checkInLat: location?.lat ?? null,
    checkInLng: location?.lng ?? null,
    checkInAccuracyMeters: location?.accuracyMeters === undefined ? null : Math.round(location.accuracyMeters),
    checkInDistanceMeters: location ? Math.round(greatCircleMeters(home, location)) : null,
  }
}
