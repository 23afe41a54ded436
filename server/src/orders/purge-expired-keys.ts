import { lt, sql } from 'drizzle-orm'
import type { Db } from '../db/client'
import { idempotencyKeys } from '../db/schema'

/** Deletes idempotency keys past their expiry (kept ≥ 24 h), in small batches so it never holds long locks. */
export async function purgeExpiredKeys(db: Db, now: Date, batch = 1000): Promise<number> {
  let total = 0
  for (;;) {
    const [res] = await db.execute(sql`DELETE FROM ${idempotencyKeys} WHERE ${lt(idempotencyKeys.expiresAt, now)} LIMIT ${batch}`)
    const n = (res as unknown as { affectedRows: number }).affectedRows
    total += n
    if (n < batch) return total
  }
}
