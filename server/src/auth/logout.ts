import { eq, sql } from 'drizzle-orm'
import type { Db } from '../db/client'
import { users } from '../db/schema'
import type { Auth } from './token'
import type { UserStates } from './user-states'

/**
 * Ends the caller's sessions: the user's session version moves on, so every token issued before (this one,
 * and the user's other devices') is refused — here at once, on other processes within the user-state cache time.
 */
export async function logout(db: Db, userStates: UserStates, auth: Auth): Promise<{ ok: true }> {
  await db.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, auth.userId))
  userStates.forget(auth.userId)
  return { ok: true }
}
