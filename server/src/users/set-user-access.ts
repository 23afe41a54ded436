import { eq, sql } from 'drizzle-orm'
import type { UserAccess, UserAccessRequest } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { users } from '../db/schema'
import { inTransaction } from '../db/tx'
import { recordAudit } from '../audit/record-audit'
import { AppError, notFound } from '../errors'

/**
 * Stops (or restores) an account: every token it holds is refused from the next request on every process
 * (session version moves on, and the change is broadcast). A supervisor may stop any account but their own;
 * a station admin only their own station's workers. Anyone else is told the account does not exist.
 */
export async function setUserAccess(deps: AppDeps, auth: Auth, userId: number, disabled: boolean, req: UserAccessRequest): Promise<UserAccess> {
  const now = deps.clock()
  const out = await inTransaction(deps.database.db, async (tx) => {
    const [u] = await tx.select().from(users).where(eq(users.id, userId)).for('update')
    const mayManage = u && (auth.role === 'supervisor' || (auth.role === 'station_admin' && u.role === 'staff' && u.stationId === auth.stationId))
    if (!mayManage) throw notFound('这个账号')
    if (u.id === auth.userId) throw new AppError(409, 'ILLEGAL_TRANSITION', '不能停用自己的账号')
    if ((u.disabledAt !== null) === disabled) throw new AppError(409, 'ILLEGAL_TRANSITION', disabled ? '这个账号已经停用' : '这个账号没有停用')
    await tx
      .update(users)
      .set({ disabledAt: disabled ? now : null, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
      .where(eq(users.id, userId))
    await recordAudit(tx, { actorUserId: auth.userId, action: disabled ? 'user.disable' : 'user.enable', entity: 'user', entityId: userId, detail: { reason: req.reason, role: u.role }, at: now })
    return { id: u.id, role: u.role, name: u.name, stationId: u.stationId, disabled }
  })
  await deps.userStates.forget(userId)
  return out
}
