import { randomInt } from 'node:crypto'
import { and, eq, isNotNull, lte } from 'drizzle-orm'
import { INVITATION_CODE_DIGITS, INVITATION_CODE_DIGITS_UNDER_ATTACK, INVITATION_TTL_HOURS, type CreateInvitationRequest, type Invitation } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { elderFor } from '../access/elder-access'
import { elders, familyInvitations } from '../db/schema'
import { inTransaction, violatedConstraint, type Tx } from '../db/tx'
import { recordAudit } from '../audit/record-audit'
import { ownElderId, toInvitation } from './get-live-invitation'

const HOUR = 3_600_000

/**
 * 邀请家人 → 换一个新邀请码: the elder makes a one-time code for a relative; staff or a supervisor may make it for an
 * elder they are helping in person (the elder's consent is given face to face), recorded in created_by_role. Only on
 * request (the page shows the live code, get-live-invitation.ts): an elder has one live code, and a new one retires
 * it, as the page says before the tap. While the district sees many failed guesses, new codes have 8 digits.
 */
export async function createInvitation(deps: Pick<AppDeps, 'database' | 'stationIndex' | 'rateLimits' | 'clock'>, auth: Auth, req: CreateInvitationRequest): Promise<Invitation> {
  const elder = await elderFor(deps, auth, req.elderId ?? (await ownElderId(deps, auth)), 'confirm')
  await deps.rateLimits.consume('invitationsPerElder', `elder:${elder.id}`)
  const digits = (await deps.rateLimits.alarmRaised('bindFailuresDistrict', 'district')) ? INVITATION_CODE_DIGITS_UNDER_ATTACK : INVITATION_CODE_DIGITS
  const now = deps.clock()
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_HOURS * HOUR)
  const code = await inTransaction(deps.database.db, async (tx) => {
    // The elder's row lock makes one elder's invitations write one at a time, so one code stays live.
    await tx.select({ id: elders.id }).from(elders).where(eq(elders.id, elder.id)).for('update')
    await tx.update(familyInvitations).set({ retiredAt: now, updatedAt: now }).where(and(eq(familyInvitations.elderId, elder.id), isNotNull(familyInvitations.liveCode)))
    const { code, id } = await insertUniqueCode(tx, now, digits, (c) => ({ elderId: elder.id, code: c, createdBy: auth.userId, createdByRole: auth.role, expiresAt, createdAt: now, updatedAt: now }))
    await recordAudit(tx, { actorUserId: auth.userId, action: 'family.invitation_created', entity: 'elder', entityId: elder.id, detail: { invitationId: id, createdByRole: auth.role, digits }, at: now })
    return code
  })
  return toInvitation({ code, expiresAt }, elder)
}

/**
 * Draws codes until one is free: live_code is unique, so the database refuses digits another open invitation
 * holds. If the holder has expired, it is retired (its digits become free) and the same code is tried again.
 */
async function insertUniqueCode(tx: Tx, now: Date, digits: number, row: (code: string) => typeof familyInvitations.$inferInsert): Promise<{ code: string; id: number }> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const code = String(randomInt(0, 10 ** digits)).padStart(digits, '0')
    for (let retry = 0; retry < 2; retry++) {
      try {
        const [res] = await tx.insert(familyInvitations).values(row(code))
        return { code, id: res.insertId }
      } catch (e) {
        if (violatedConstraint(e) !== 'family_invitations_live_code_uq') throw e
      }
      const [expired] = await tx
        .update(familyInvitations)
        .set({ retiredAt: now, updatedAt: now })
        .where(and(eq(familyInvitations.liveCode, code), lte(familyInvitations.expiresAt, now)))
      if (expired.affectedRows === 0) break // held by a live invitation: draw again
    }
  }
  throw new Error('no free invitation code after 20 draws')
}
