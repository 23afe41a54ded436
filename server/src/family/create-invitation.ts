import { randomInt } from 'node:crypto'
import { and, asc, eq, gt, isNull, lte } from 'drizzle-orm'
import { INVITATION_CODE_DIGITS, INVITATION_TTL_HOURS, toBusinessIso, type CreateInvitationRequest, type Invitation } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { elderFor } from '../access/elder-access'
import { elders, familyInvitations } from '../db/schema'
import { inTransaction, violatedConstraint, type Tx } from '../db/tx'
import { recordAudit } from '../audit/record-audit'
import { AppError } from '../errors'

/** Codes an elder may hold at once: a 4th retires the oldest (bounds N in the guessing arithmetic, config.ts). */
export const MAX_LIVE_INVITATIONS = 3
const HOUR = 3_600_000

/** The mini-program page a scanned QR code opens, with the code filled in. */
export const bindPagePath = (code: string) => `pages/family/bind/index?code=${code}`

/**
 * 邀请家人: the elder makes a one-time code for a relative; staff or a supervisor may make it for an elder they
 * are helping in person (the elder's consent is given face to face), recorded in created_by_role.
 */
export async function createInvitation(deps: Pick<AppDeps, 'database' | 'stationIndex' | 'rateLimits' | 'clock'>, auth: Auth, req: CreateInvitationRequest): Promise<Invitation> {
  const elderId = req.elderId ?? (await ownElderId(deps, auth))
  const elder = await elderFor(deps, auth, elderId, 'confirm')
  await deps.rateLimits.consume('invitationsPerElder', `elder:${elder.id}`)
  const now = deps.clock()
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_HOURS * HOUR)
  const code = await inTransaction(deps.database.db, async (tx) => {
    // The elder's row lock makes one elder's invitations write one at a time, so the live count holds.
    await tx.select({ id: elders.id }).from(elders).where(eq(elders.id, elder.id)).for('update')
    await retireOldest(tx, elder.id, now)
    const { code, id } = await insertUniqueCode(tx, now, (c) => ({ elderId: elder.id, code: c, createdBy: auth.userId, createdByRole: auth.role, expiresAt, createdAt: now, updatedAt: now }))
    await recordAudit(tx, { actorUserId: auth.userId, action: 'family.invitation_created', entity: 'elder', entityId: elder.id, detail: { invitationId: id, createdByRole: auth.role }, at: now })
    return code
  })
  return { code, expiresAt: toBusinessIso(expiresAt), qrPayload: bindPagePath(code), elder: { id: elder.id, name: elder.name } }
}

/** An elder invites for themself; everyone else must say for whom. */
async function ownElderId(deps: Pick<AppDeps, 'database'>, auth: Auth): Promise<number> {
  if (auth.role !== 'elder') throw new AppError(400, 'VALIDATION_FAILED', '请先选择要帮哪位老人生成邀请码（elderId）')
  const [own] = await deps.database.db.select({ id: elders.id }).from(elders).where(eq(elders.userId, auth.userId)).limit(1)
  if (!own) throw new AppError(404, 'ELDER_NOT_FOUND', '没有找到您的老人资料，请联系驿站或拨打 12349')
  return own.id
}

/** Keeps at most MAX_LIVE_INVITATIONS − 1 unexpired codes so the new one makes MAX_LIVE_INVITATIONS. */
async function retireOldest(tx: Tx, elderId: number, now: Date): Promise<void> {
  const live = await tx
    .select({ id: familyInvitations.id })
    .from(familyInvitations)
    .where(and(eq(familyInvitations.elderId, elderId), gt(familyInvitations.expiresAt, now), isNull(familyInvitations.usedAt), isNull(familyInvitations.retiredAt)))
    .orderBy(asc(familyInvitations.id))
  for (const old of live.slice(0, Math.max(0, live.length - (MAX_LIVE_INVITATIONS - 1)))) {
    await tx.update(familyInvitations).set({ retiredAt: now, updatedAt: now }).where(eq(familyInvitations.id, old.id))
  }
}

/**
 * Draws codes until one is free: live_code is unique, so the database refuses digits another open invitation
 * holds. If the holder has expired, it is retired (its digits become free) and the same code is tried again.
 */
async function insertUniqueCode(tx: Tx, now: Date, row: (code: string) => typeof familyInvitations.$inferInsert): Promise<{ code: string; id: number }> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const code = String(randomInt(0, 10 ** INVITATION_CODE_DIGITS)).padStart(INVITATION_CODE_DIGITS, '0')
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
