import { eq } from 'drizzle-orm'
import { LRUCache } from 'lru-cache'
import type { Role } from '@carecircle/shared'
import type { Db } from '../db/client'
import { users } from '../db/schema'

/** What authorisation needs to know about a caller, as the database says now (not as the token said). */
export interface UserState {
  /** Shown as who placed an order or checked in (never a phone). */
  name: string
  role: Role
  stationId: number | null
  disabled: boolean
  sessionVersion: number
}

/**
 * Users' current state by id, read by primary key and remembered for `ttlMs` (a few seconds): the cost of
 * checking every request against the database is one indexed read per user per few seconds, and a change
 * made elsewhere is seen within `ttlMs`. A change made through the API calls forget(), which every process on
 * the database hears at once (see cluster/broadcast.ts). Concurrent misses for one user share one read.
 */
export class UserStates {
  private readonly cache: LRUCache<number, { state: UserState | null }>

  constructor(db: Db, readonly ttlMs: number) {
    this.cache = new LRUCache({
      max: 50_000,
      ttl: ttlMs,
      fetchMethod: async (userId) => ({ state: await readUserState(db, userId) }),
    })
  }

  /** The user's state; `fresh` skips the cache (a token newer than the cached state proves it stale). */
  async get(userId: number, fresh = false): Promise<UserState | null> {
    try {
      return (await this.cache.fetch(userId, { forceRefresh: fresh }))?.state ?? null
    } catch {
      // forget() during a read aborts it (lru-cache rejects it): that read may predate the change, so read again.
      // A database that is down fails this second read too, and that error is the answer (503).
      return (await this.cache.fetch(userId, { forceRefresh: true }))?.state ?? null
    }
  }

  /** Set once at start-up: tells the other processes (cluster/broadcast.ts). */
  broadcast: ((userId: number) => Promise<void>) | null = null

  /** After a change to the user: the next request, on any process, reads the database. */
  async forget(userId: number): Promise<void> {
    this.cache.delete(userId)
    await this.broadcast?.(userId)
  }

  /** Another process changed the user. */
  forgetHere(userId: number): void {
    this.cache.delete(userId)
  }
}

async function readUserState(db: Db, userId: number): Promise<UserState | null> {
  const [u] = await db
    .select({ name: users.name, role: users.role, stationId: users.stationId, disabledAt: users.disabledAt, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1)
  return u ? { name: u.name, role: u.role, stationId: u.stationId, disabled: u.disabledAt !== null, sessionVersion: u.sessionVersion } : null
}
