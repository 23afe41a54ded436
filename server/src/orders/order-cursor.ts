import { AppError } from '../errors'

/** Where a page of the order list ended: the last row's slot time and id, and which way the list reads. */
export interface OrderCursor {
  order: 'asc' | 'desc'
  slotStartMs: number
  id: number
}

/** Opaque to clients (base64url), so its shape can change without breaking them. */
export function encodeOrderCursor(c: OrderCursor): string {
  return Buffer.from(`v1:${c.order}:${c.slotStartMs}:${c.id}`).toString('base64url')
}

const invalid = () => new AppError(400, 'CURSOR_INVALID', '翻页标记不正确或已过期，请从第一页重新加载')

/** A cursor from another list order, tampered with or made up is a 400, never a silently different page. */
export function decodeOrderCursor(raw: string, order: 'asc' | 'desc'): OrderCursor {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(raw)) throw invalid()
  const m = /^v1:(asc|desc):(\d{1,15}):([1-9]\d{0,15})$/.exec(Buffer.from(raw, 'base64url').toString('utf8'))
  if (!m || m[1] !== order) throw invalid()
  const c = { order, slotStartMs: Number(m[2]), id: Number(m[3]) }
  if (!Number.isSafeInteger(c.slotStartMs) || !Number.isSafeInteger(c.id)) throw invalid()
  return c
}
