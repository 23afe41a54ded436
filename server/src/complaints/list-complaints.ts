import { and, desc, eq, inArray, lt, lte, not, or, type SQL } from 'drizzle-orm'
import { partyOfRole, type ComplaintsQuery, type ComplaintsResponse } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { complaints, stations } from '../db/schema'
import { complaintScope } from './complaint-access'
import { selectComplaintRows, toComplaintDto } from './complaint-view'

const DEFAULT_LIMIT = 20

/** Still running past a deadline: not acknowledged in time, or not resolved in time. */
export function overdueAt(now: Date): SQL {
  return or(
    and(eq(complaints.status, 'submitted'), lte(complaints.ackDueAt, now)),
    and(inArray(complaints.status, ['submitted', 'acknowledged']), lte(complaints.resolveDueAt, now)),
  )!
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
  if (q.operatorId) filters.push(eq(stations.operatorId, q.operatorId))
  if (q.overdue !== undefined) filters.push(q.overdue ? overdueAt(now) : not(overdueAt(now)))
  if (q.cursor) filters.push(lt(complaints.id, q.cursor))
  const rows = await selectComplaintRows(db).where(and(...filters)).orderBy(desc(complaints.id)).limit(limit + 1)
  const page = rows.slice(0, limit)
  // The scope already holds only the caller's own complaints, so their part follows from the role.
  const party = partyOfRole(auth.role)!
  return {
    complaints: page.map((row) => toComplaintDto(row as never, party, auth.role, now, deps.complaintPolicy)), nextCursor: rows.length > limit ? String(page[page.length - 1].c.id) : null }
}
