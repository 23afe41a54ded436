import { createHash } from 'node:crypto'
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

/** A stored key as read: the first request's outcome. */
export interface StoredKey {
  requestHash: string
  responseStatus: number
  responseBody: string
  orderId: number | null
  expiresAt: Date
}

/**
 * A key that is already stored: the same body replays the first response, another body gets 422
 * (IETF Idempotency-Key draft). An expired key counts as unused: null.
 */
export function replayStored(row: StoredKey, hash: string, now: Date): StoredResponse | null {
  if (row.expiresAt < now) return null
  if (row.requestHash !== hash) throw new AppError(422, 'IDEMPOTENCY_KEY_REUSED', '这个请求编号已用于另一笔预约，请返回重新确认')
  const body = JSON.parse(row.responseBody)
  return { status: row.responseStatus, body: row.orderId ? { id: row.orderId, ...body } : body, replayed: true }
}

/**
 * Requests of this process whose key is being worked on: a retry that arrives meanwhile gets 409 at once, as
 * the draft asks. A retry that reaches another process instead waits on the database's unique indexes until
 * the first commits, then replays it; either way there is one order.
 */
export class KeysInFlight {
  private readonly keys = new Set<string>()

  async run<T>(userId: number, key: string, work: () => Promise<T>): Promise<T> {
    const id = `${userId}\n${key}`
    if (this.keys.has(id)) throw keyInUse()
    this.keys.add(id)
    try {
      return await work()
    } finally {
      this.keys.delete(id)
    }
  }
}
