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
  return mayActFor(auth, row && { userId: row.e.userId, linkId: row.linkId }) ? row!.e : elderNotFound()
}

/** The rule itself, also used by the order path's raw SQL read (orders/booking-sql.ts). */
export function mayActFor(auth: Auth, row: { userId: number | null; linkId: number | null } | undefined): boolean {
  if (!row) return false
  return (auth.role === 'elder' && row.userId === auth.userId) || (auth.role === 'family' && row.linkId !== null)
}

export function elderNotFound(): never {
  throw new AppError(404, 'ELDER_NOT_FOUND', '没有找到这位老人，或您还没有绑定这位老人')
}
