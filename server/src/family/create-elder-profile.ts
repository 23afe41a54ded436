import { eq } from 'drizzle-orm'
import { businessDate, type CreateElderProfileRequest, type ElderSummary } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { toElderSummary } from '../auth/get-me'
import { elders, familyLinks } from '../db/schema'
import { inTransaction } from '../db/tx'
import { recordAudit } from '../audit/record-audit'
import { AppError } from '../errors'

/**
 * A relative creates the profile of a parent without WeChat, bound to themself. It stays 'pending' (no quote, no
 * order) until a station worker or supervisor has seen the elder, and its tier stays the unverified paid price.
 * At most so many a day per relative: 100 pending profiles by one account once buried the staff's list.
 */
export async function createElderProfile(deps: Pick<AppDeps, 'database' | 'clock' | 'rateLimits'>, auth: Auth, req: CreateElderProfileRequest): Promise<ElderSummary> {
  return deps.rateLimits.limitMade('elderProfilesPerAccount', `user:${auth.userId}`, () => createOne(deps, auth, req))
}

async function createOne(deps: Pick<AppDeps, 'database' | 'clock'>, auth: Auth, req: CreateElderProfileRequest): Promise<ElderSummary> {
  const now = deps.clock()
  if (req.birthDate > businessDate(now)) throw new AppError(400, 'VALIDATION_FAILED', '出生日期不能晚于今天，请重新选择')
  const elder = await inTransaction(deps.database.db, async (tx) => {
    const [res] = await tx.insert(elders).values({
      userId: null, name: req.name, birthDate: req.birthDate, phone: req.phone ?? null, address: req.address, homeLat: req.home.lat, homeLng: req.home.lng,
      tier: 'paid', tierReason: 'none', status: 'pending', createdBy: auth.userId,
      emergencyName: req.emergencyContact.name, emergencyPhone: req.emergencyContact.phone, createdAt: now, updatedAt: now,
    })
    const elderId = res.insertId
    const [link] = await tx.insert(familyLinks).values({ elderId, familyUserId: auth.userId, relation: req.relation, consentedAt: now, invitationId: null, createdAt: now, updatedAt: now })
    await recordAudit(tx, { actorUserId: auth.userId, action: 'elder.profile_created', entity: 'elder', entityId: elderId, detail: { linkId: link.insertId, relation: req.relation }, at: now })
    const [row] = await tx.select().from(elders).where(eq(elders.id, elderId))
    return row
  })
  return toElderSummary(elder)
}
