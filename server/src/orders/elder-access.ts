import { and, eq, isNull } from 'drizzle-orm'
import type { Db } from '../db/client'
import { elders, familyLinks } from '../db/schema'
import { AppError } from '../errors'
import type { Auth } from '../auth/token'

export type ElderRow = typeof elders.$inferSelect

/**
 * The elder this user may book for: themself, or a parent bound with consent. Anyone else gets
 * the same 404 as for a missing elder, so existence does not leak.
 */
export async function elderActedFor(db: Db, auth: Auth, elderId: number): Promise<ElderRow> {
  // One query: the elder and, for family, the consent link in force.
  const [row] = await db
    .select({ e: elders, linkId: familyLinks.id })
    .from(elders)
    .leftJoin(familyLinks, and(eq(familyLinks.elderId, elders.id), eq(familyLinks.familyUserId, auth.userId), isNull(familyLinks.revokedAt)))
    .where(eq(elders.id, elderId))
    .limit(1)
  if (row && auth.role === 'elder' && row.e.userId === auth.userId) return row.e
  if (row && auth.role === 'family' && row.linkId !== null) return row.e
  throw new AppError(404, 'ELDER_NOT_FOUND', '没有找到这位老人，或您还没有绑定这位老人')
}
