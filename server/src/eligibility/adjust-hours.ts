import { eq, sql } from 'drizzle-orm'
import { businessDayStart, type HoursAdjustRequest, type HoursResponse } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { elderFor } from '../access/elder-access'
import { recordAudit } from '../audit/record-audit'
import { hoursBalances, hoursLedger } from '../db/schema'
import { inTransaction } from '../db/tx'
import { AppError } from '../errors'
import { lockWeek } from '../pricing/hours-balance'
import { applyMovement } from '../pricing/hours-ledger'
import { weekStartOf } from '../pricing/hours-policy'
import { pricedAsOf } from './effective-tier'
import { hoursOf } from './get-hours'

/**
 * A supervisor adds or takes back minutes of one week, with a reason: a ledger row of its own (who, why), never
 * leaving fewer minutes than are already used (the same rule as every movement, hours-ledger.ts; the CHECK on
 * hours_balances would refuse it anyway).
 */
export async function adjustHours(deps: AppDeps, auth: Auth, elderId: number, req: HoursAdjustRequest): Promise<HoursResponse> {
  const found = await elderFor(deps, auth, elderId, 'read')
  const now = deps.clock()
  const e = pricedAsOf(found, now)
  if (e.tier === 'paid') throw new AppError(409, 'ILLEGAL_TRANSITION', `${e.name}不是无偿或低偿老人，没有政府购买的服务时长。请先认定类别`)
  const weekStart = weekStartOf(req.week ? businessDayStart(req.week) : now)
  if (weekStart < weekStartOf(now)) throw new AppError(409, 'ILLEGAL_TRANSITION', '过去的周已经结算，不能再调整')
  await inTransaction(deps.database.db, async (tx) => {
    const week = await lockWeek(tx, e, weekStart, req.kind, deps.config.hours, now)
    const moved = applyMovement({ granted: week.grantedMinutes, used: week.usedMinutes }, { movement: 'adjust', minutes: req.minutes })
    if (!moved.ok) throw new AppError(409, 'ILLEGAL_TRANSITION', moved.reason)
    await tx.update(hoursBalances).set({ grantedMinutes: sql`${hoursBalances.grantedMinutes} + ${req.minutes}`, updatedAt: now }).where(eq(hoursBalances.id, week.id))
    await tx.insert(hoursLedger).values({ balanceId: week.id, movement: 'adjust', orderId: null, actorUserId: auth.userId, deltaMinutes: req.minutes, reason: req.reason, at: now })
    await recordAudit(tx, { actorUserId: auth.userId, action: 'hours.adjust', entity: 'elder', entityId: e.id, at: now, detail: { weekStart, kind: req.kind, minutes: req.minutes, reason: req.reason } })
  })
  return hoursOf(deps, auth, found, weekStart, now)
}
