import { and, asc, desc, eq, gte, inArray, lt, max, type SQL } from 'drizzle-orm'
import { businessDayStart, partyOfRole, type ComplaintsQuery, type ComplaintsResponse } from '@carecircle/shared'
import type { Db } from '../db/client'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { complaints } from '../db/schema'
import { complaintScope } from './complaint-access'
import { selectComplaintRows, toComplaintDto } from './complaint-view'

const DEFAULT_LIMIT = 20

/** The first complaint filed at or after `at` (ids grow with filing time), or one past the last: a date bound as an id bound. */
export async function firstIdFrom(db: Db, at: Date): Promise<number> {
  // The first entry of the created_at index at or after `at` (not MIN(id) over the whole range).
  const [row] = await db.select({ id: complaints.id }).from(complaints).where(gte(complaints.createdAt, at)).orderBy(asc(complaints.createdAt), asc(complaints.id)).limit(1)
  if (row) return row.id
  const [last] = await db.select({ id: max(complaints.id) }).from(complaints)
  return (last?.id ?? 0) + 1
}

/** Newest first, paged by id (keyset: every page is an index range, however deep). */
export async function listComplaints(deps: AppDeps, auth: Auth, q: ComplaintsQuery): Promise<ComplaintsResponse> {
  const db = deps.database.db
  const now = deps.clock()
  const limit = q.limit ?? DEFAULT_LIMIT
  const filters: SQL[] = [await complaintScope(db, auth)]
  if (q.status) filters.push(eq(complaints.status, q.status))
  if (q.category) filters.push(eq(complaints.category, q.category))
  if (q.stationId) filters.push(eq(complaints.stationId, q.stationId))
  if (q.operatorId) filters.push(eq(complaints.operatorId, q.operatorId))
  if (q.overdue !== undefined) filters.push(eq(complaints.late, q.overdue ? 1 : 0))
  if (q.from) filters.push(gte(complaints.id, await firstIdFrom(db, businessDayStart(q.from))))
  if (q.to) filters.push(lt(complaints.id, await firstIdFrom(db, new Date(businessDayStart(q.to).getTime() + 86_400_000))))
  if (q.cursor) filters.push(lt(complaints.id, q.cursor))
  // The page's ids from the complaints table alone (one index range), then the joins for just those rows:
  // joined in one statement, the optimizer may start from stations and sort every complaint they have.
  const ids = (await db.select({ id: complaints.id }).from(complaints).where(and(...filters)).orderBy(desc(complaints.id)).limit(limit + 1)).map((r) => r.id)
  const more = ids.length > limit
  const pageIds = ids.slice(0, limit)
  const page = pageIds.length ? await selectComplaintRows(db).where(inArray(complaints.id, pageIds)).orderBy(desc(complaints.id)) : []
  // The scope already holds only the caller's own complaints, so their part follows from the role.
  const party = partyOfRole(auth.role)!
  return {
    complaints: page.map((row) => toComplaintDto(row as never, party, auth.role, now, deps.complaintPolicy)),
    nextCursor: more ? String(pageIds[pageIds.length - 1]) : null,
  }
}
