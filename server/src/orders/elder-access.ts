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
  const [e] = await db.select().from(elders).where(eq(elders.id, elderId)).limit(1)
  const missing = new AppError(404, 'ELDER_NOT_FOUND', '没有找到这位老人，或您还没有绑定这位老人')
  if (!e) throw missing
  if (auth.role === 'elder' && e.userId === auth.userId) return e
  if (auth.role === 'family') {
    const [link] = await db
      .select({ id: familyLinks.id })
      .from(familyLinks)
      .where(and(eq(familyLinks.elderId, elderId), eq(familyLinks.familyUserId, auth.userId), isNull(familyLinks.revokedAt)))
      .limit(1)
    if (link) return e
  }
  throw missing
}
