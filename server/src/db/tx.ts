import type { Db } from './client'

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
export type { Tx }

const RETRYABLE = new Set([1213 /* ER_LOCK_DEADLOCK */, 1205 /* ER_LOCK_WAIT_TIMEOUT */])
export const errno = (e: any): number | undefined => e?.errno ?? e?.cause?.errno
/** InnoDB picked this transaction as a deadlock victim or it waited too long for a lock: run it again. */
export const isRetryable = (e: unknown): boolean => RETRYABLE.has(errno(e) ?? 0)
/** A short random pause before attempt `i + 1`, so the transaction that won can finish first. */
export const backoff = (i: number) => new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * i))

/** A transaction retried a few times when InnoDB picks it as a deadlock victim; anything else is thrown. */
export async function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>, attempts = 4): Promise<T> {
  return retryDeadlocks(() => db.transaction(work), attempts)
}

/** Runs a whole transaction again (after its rollback) when it lost a deadlock or a lock wait. */
export async function retryDeadlocks<T>(run: () => Promise<T>, attempts = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run()
    } catch (e) {
      if (i >= attempts || !isRetryable(e)) throw e
      await backoff(i)
    }
  }
}

/**
 * The constraint or unique key a write broke, by name, or null: MariaDB 4025 / MySQL 3819 for a CHECK,
 * 1062 for a duplicate key ("for key 'name'", MySQL 8 writes 'table.name').
 */
export function violatedConstraint(e: any): string | null {
  const code = errno(e)
  if (code !== 4025 && code !== 3819 && code !== 1062) return null
  const message = String(e?.cause?.message ?? e?.message ?? '')
  const m = /CONSTRAINT `([^`]+)`|constraint '([^']+)'|for key '(?:[^'.]+\.)?([^']+)'/i.exec(message)
  return m ? (m[1] ?? m[2] ?? m[3]) : null
}
