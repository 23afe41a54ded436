import { eq } from 'drizzle-orm'
import type { HoursResponse, WeeklyGrantRequest } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { elderFor } from '../access/elder-access'
import { recordAudit } from '../audit/record-audit'
import { elders } from '../db/schema'
import { inTransaction } from '../db/tx'
import { weekStartOf } from '../pricing/hours-policy'
import { hoursOf } from './get-hours'

/**
 * A supervisor's weekly grant for one elder instead of the district's (null: the district's again). It applies
 * from the next week granted; this week's minutes change only by an adjustment, which the ledger shows.
 */
export async function setWeeklyGrant(deps: AppDeps, auth: Auth, elderId: number, req: WeeklyGrantRequest): Promise<HoursResponse> {
  const e = await elderFor(deps, auth, elderId, 'read')
  const now = deps.clock()
  const change = { weeklyHousekeepingMinutes: req.housekeepingMinutes, weeklyMedicalMinutes: req.medicalMinutes }
  await inTransaction(deps.database.db, async (tx) => {
    await tx.update(elders).set({ ...change, updatedAt: now }).where(eq(elders.id, e.id))
    await recordAudit(tx, {
      actorUserId: auth.userId, action: 'hours.weekly_grant', entity: 'elder', entityId: e.id, at: now,
      detail: { from: { housekeeping: e.weeklyHousekeepingMinutes, medical: e.weeklyMedicalMinutes }, to: { housekeeping: req.housekeepingMinutes, medical: req.medicalMinutes }, reason: req.reason },
    })
  })
  return hoursOf(deps, auth, { ...e, ...change }, weekStartOf(now), now)
}
