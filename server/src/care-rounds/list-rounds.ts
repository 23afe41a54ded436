import { and, eq, gt, isNull, lt, or, type SQL } from 'drizzle-orm'
import { ROUND_GRACE_MS, type RoundStatus } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { careRounds } from '../db/schema'
import { AppError } from '../errors'
import { fetchRounds } from './round-view'

const PAGE = 50
const invalid = () => new AppError(400, 'CURSOR_INVALID', '翻页标记不正确或已过期，请从第一页重新加载')

/** Where a page ended (due time and id), opaque to clients; bound to the list's direction. */
function decode(raw: string, order: 'asc' | 'desc'): { dueMs: number; id: number } {
  const m = /^v1:(asc|desc):(\d{1,15}):([1-9]\d{0,15})$/.exec(/^[A-Za-z0-9_-]{1,200}$/.test(raw) ? Buffer.from(raw, 'base64url').toString('utf8') : '')
  if (!m || m[1] !== order) throw invalid()
  return { dueMs: Number(m[2]), id: Number(m[3]) }
}
const encode = (order: 'asc' | 'desc', dueMs: number, id: number) => Buffer.from(`v1:${order}:${dueMs}:${id}`).toString('base64url')

/** One page of rounds matching `scope`, keyset-paged on (due_at, id) so rows added meanwhile never shift a page. */
async function page(deps: Pick<AppDeps, 'database' | 'clock'>, auth: Auth, scope: SQL, order: 'asc' | 'desc', cursor: string | undefined) {
  const now = deps.clock()
  const after = cursor ? decode(cursor, order) : null
  const cmp = order === 'asc' ? gt : lt
  const at = after && new Date(after.dueMs)
  const keyset = at ? or(cmp(careRounds.dueAt, at), and(eq(careRounds.dueAt, at), cmp(careRounds.id, after!.id))) : undefined
  const rows = await fetchRounds(deps.database.db, and(scope, keyset), now, { limit: PAGE + 1, order }, auth)
  const more = rows.length > PAGE
  const rounds = rows.slice(0, PAGE)
  const last = rounds[rounds.length - 1]
  return { rounds, nextCursor: more && last ? encode(order, new Date(last.dueAt).getTime(), last.id) : null }
}

/**
 * The rounds a caller works on: staff and station admins their own station's, a supervisor the list of elders no
 * circle covers. Open ones soonest due first; done and cancelled newest first.
 */
export function listRounds(deps: Pick<AppDeps, 'database' | 'clock'>, auth: Auth, q: { status?: RoundStatus; cursor?: string }) {
  const status = q.status ?? 'open'
  const whose = auth.role === 'supervisor' ? isNull(careRounds.stationId) : eq(careRounds.stationId, auth.stationId ?? -1)
  return page(deps, auth, and(whose, eq(careRounds.status, status))!, status === 'open' ? 'asc' : 'desc', q.cursor)
}

/** The supervisor's desk: every round, at any station, still open more than a day after it fell due; oldest first. */
export function listMissedRounds(deps: Pick<AppDeps, 'database' | 'clock'>, auth: Auth, q: { cursor?: string }) {
  const cutoff = new Date(deps.clock().getTime() - ROUND_GRACE_MS)
  return page(deps, auth, and(eq(careRounds.status, 'open'), lt(careRounds.dueAt, cutoff))!, 'asc', q.cursor)
}
