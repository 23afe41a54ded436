import { createHash } from 'node:crypto'
import { and, eq, lt } from 'drizzle-orm'
import type { Db } from '../db/client'
import { errno, type Tx } from '../db/tx'
import { idempotencyKeys } from '../db/schema'
import { AppError } from '../errors'

/** Keys are kept at least this long (IETF Idempotency-Key draft; Stripe keeps 24 h). */
export const KEY_TTL_MS = 24 * 3600_000
const ER_DUP_ENTRY = 1062

export function requestHash(method: string, path: string, body: unknown): string {
  const canonical = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as any)[k])])) : v
  return createHash('sha256').update(`${method} ${path} ${JSON.stringify(canonical(body))}`).digest('hex')
}

export function parseKey(header: string | undefined): string {
  const key = header?.trim()
  if (!key) throw new AppError(400, 'IDEMPOTENCY_KEY_MISSING', '请求缺少 Idempotency-Key，请刷新页面后重新确认')
  if (key.length > 255 || !/^[\x21-\x7e]+$/.test(key)) throw new AppError(400, 'VALIDATION_FAILED', 'Idempotency-Key 格式不正确（最多 255 个可见字符）')
  return key
}

export interface StoredResponse {
  status: number
  body: unknown
  replayed: boolean
}

/** Saves the response inside the caller's transaction, so the order and its key commit together. */
export type Complete = (tx: Tx, status: number, body: unknown) => Promise<void>

/**
 * Runs `work` once per (user, key): the same key and body replays the stored response, a retry while the
 * first is running gets 409, another body under the same key 422. 4xx outcomes are stored; 5xx free the key.
 */
export async function runIdempotent(db: Db, userId: number, key: string, hash: string, now: Date, work: (complete: Complete) => Promise<{ status: number; body: unknown }>): Promise<StoredResponse> {
  const claimed = await claim(db, userId, key, hash, now)
  if (claimed !== true) return claimed
  const where = and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key))
  const complete: Complete = async (tx, status, body) => {
    await tx.update(idempotencyKeys).set({ state: 'done', responseStatus: status, responseBody: body }).where(where)
  }
  try {
    const res = await work(complete)
    return { ...res, replayed: false }
  } catch (e) {
    if (e instanceof AppError && e.status < 500) {
      const body = { error: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) } }
      await db.update(idempotencyKeys).set({ state: 'done', responseStatus: e.status, responseBody: body }).where(where)
    } else {
      await db.delete(idempotencyKeys).where(where)
    }
    throw e
  }
}

async function claim(db: Db, userId: number, key: string, hash: string, now: Date): Promise<true | StoredResponse> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await db.insert(idempotencyKeys).values({ userId, key, requestHash: hash, state: 'running', expiresAt: new Date(now.getTime() + KEY_TTL_MS) })
      return true
    } catch (e) {
      if (errno(e) !== ER_DUP_ENTRY) throw e
    }
    const [row] = await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)))
    if (!row) continue // freed by a failed first attempt in the meantime
    if (row.expiresAt < now) {
      await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.id, row.id), lt(idempotencyKeys.expiresAt, now)))
      continue
    }
    if (row.requestHash !== hash) throw new AppError(422, 'IDEMPOTENCY_KEY_REUSED', '这个请求编号已用于另一笔预约，请返回重新确认')
    if (row.state === 'running') throw new AppError(409, 'IDEMPOTENCY_KEY_IN_USE', '您的预约正在提交，请稍候查看“我的订单”')
    return { status: row.responseStatus ?? 200, body: row.responseBody, replayed: true }
  }
  throw new AppError(409, 'IDEMPOTENCY_KEY_IN_USE', '您的预约正在提交，请稍候查看“我的订单”')
}
