import { eq, sql } from 'drizzle-orm'
import type { Db } from '../db/client'
import { users } from '../db/schema'
import type { Auth } from './token'
import type { UserStates } from './user-states'

/**
 * Ends the caller's sessions: the user's session version moves on, so every token issued before (this one,
 * and the user's other devices') is refused — on every process from the next request (see cluster/broadcast.ts).
 */
export async function logout(db: Db, userStates: UserStates, auth: Auth): Promise<{ ok: true }> {
  await db.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, auth.userId))
  await userStates.forget(auth.userId)
  return { ok: true }
}
