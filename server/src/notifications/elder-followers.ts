import { and, eq, isNull } from 'drizzle-orm'
import type { Db } from '../db/client'
import type { Tx } from '../db/tx'
import { elders, familyLinks } from '../db/schema'

/** Who hears about an elder: the elder's own login (if they have one) and every relative bound now. Revoked links hear nothing. */
export async function elderFollowers(db: Db | Tx, elderId: number): Promise<number[]> {
  const [own, links] = await Promise.all([
    db.select({ userId: elders.userId }).from(elders).where(eq(elders.id, elderId)).limit(1),
    db.select({ userId: familyLinks.familyUserId }).from(familyLinks).where(and(eq(familyLinks.elderId, elderId), isNull(familyLinks.revokedAt))),
  ])
  return [...new Set([own[0]?.userId, ...links.map((l) => l.userId)].filter((id): id is number => typeof id === 'number'))]
}
