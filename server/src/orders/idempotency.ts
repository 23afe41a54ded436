import { createHash } from 'node:crypto'
import { and, eq, lt } from 'drizzle-orm'
import type { Db } from '../db/client'
import { idempotencyKeys } from '../db/schema'
import { AppError } from '../errors'

/** Keys are kept at least this long (IETF Idempotency-Key draft; Stripe keeps 24 h). */
export const KEY_TTL_MS = 24 * 3600_000

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

export const keyInUse = () => new AppError(409, 'IDEMPOTENCY_KEY_IN_USE', '您的预约正在提交，请稍候查看“我的订单”')

/**
 * The key was already claimed (orders/create-order.ts): the same body replays the stored response, a retry
 * while the first is running gets 409, another body 422. 'retry' when the row is gone or expired (claim again).
 */
export async function resolveTakenKey(db: Db, userId: number, key: string, hash: string, now: Date): Promise<StoredResponse | 'retry'> {
  const [row] = await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)))
  if (!row) return 'retry' // freed by a failed first attempt in the meantime
  if (row.expiresAt < now) {
    await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.id, row.id), lt(idempotencyKeys.expiresAt, now)))
    return 'retry'
  }
  if (row.requestHash !== hash) throw new AppError(422, 'IDEMPOTENCY_KEY_REUSED', '这个请求编号已用于另一笔预约，请返回重新确认')
  if (row.state === 'running') throw keyInUse()
  return { status: row.responseStatus ?? 200, body: row.responseBody, replayed: true }
}
