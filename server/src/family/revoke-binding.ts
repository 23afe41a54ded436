import { eq } from 'drizzle-orm'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { elders, familyLinks } from '../db/schema'
import { inTransaction } from '../db/tx'
import { recordAudit } from '../audit/record-audit'
import { notFound } from '../errors'

/**
 * 解除绑定 by the elder, the relative themself or a supervisor; anyone else gets the same 404 as a missing
 * binding. The access rule reads the link on every request, so the relative is refused from the next one.
 * Revoking again is answered as done (a second tap changes nothing and writes no second audit row).
 */
export async function revokeBinding(deps: Pick<AppDeps, 'database' | 'clock'>, auth: Auth, linkId: number): Promise<{ ok: true; id: number }> {
  const now = deps.clock()
  await inTransaction(deps.database.db, async (tx) => {
    const [row] = await tx
      .select({ link: familyLinks, elderUserId: elders.userId })
      .from(familyLinks)
      .innerJoin(elders, eq(elders.id, familyLinks.elderId))
      .where(eq(familyLinks.id, linkId))
      .for('update')
    const party = row && (auth.role === 'supervisor' || row.link.familyUserId === auth.userId || (auth.role === 'elder' && row.elderUserId === auth.userId))
    if (!party) throw notFound('这个绑定')
    if (row.link.revokedAt) return
    await tx.update(familyLinks).set({ revokedAt: now, revokedBy: auth.userId, updatedAt: now }).where(eq(familyLinks.id, linkId))
    await recordAudit(tx, { actorUserId: auth.userId, action: 'family.revoked', entity: 'family_link', entityId: linkId, detail: { elderId: row.link.elderId, byRole: auth.role }, at: now })
  })
  return { ok: true, id: linkId }
}
