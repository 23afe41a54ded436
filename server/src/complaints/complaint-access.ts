import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm'
import type { ComplaintParty } from '@carecircle/shared'
import type { Db } from '../db/client'
import { complaints } from '../db/schema'
import type { Auth } from '../auth/token'
import { eldersActedFor } from '../access/elder-access'

export type ComplaintRow = typeof complaints.$inferSelect

/**
 * The caller's part in one complaint, or null when it is none of theirs (answered 404, so existence does not
 * leak): the station it is against; a supervisor; on the residents' side, for a complaint about an elder, whoever
 * may act for that elder now (the one elder-access rule, read on every request: a relative revoked after filing it
 * has no part in it any more — the complaint stays with the elder), and for one about no elder, the one who filed it.
 */
export async function partyFor(db: Db, auth: Auth, c: Pick<ComplaintRow, 'complainantUserId' | 'elderId' | 'stationId'>): Promise<ComplaintParty | null> {
  switch (auth.role) {
    case 'supervisor':
      return 'supervisor'
    case 'staff':
    case 'station_admin':
      return auth.stationId !== null && auth.stationId === c.stationId ? 'station' : null
    case 'elder':
    case 'family': {
      if (c.elderId === null) return c.complainantUserId === auth.userId ? 'complainant' : null
      return (await eldersActedFor(db, auth)).some((e) => e.id === c.elderId) ? 'complainant' : null
    }
  }
}

/** The complaints a caller may list, as a WHERE clause (the same rule as partyFor). */
export async function complaintScope(db: Db, auth: Auth): Promise<SQL> {
  switch (auth.role) {
    case 'supervisor':
      return sql`TRUE`
    case 'staff':
    case 'station_admin':
      return auth.stationId ? eq(complaints.stationId, auth.stationId) : sql`FALSE`
    case 'elder':
    case 'family': {
      const ids = (await eldersActedFor(db, auth)).map((e) => e.id)
      const mine = and(eq(complaints.complainantUserId, auth.userId), isNull(complaints.elderId))!
      return ids.length ? or(mine, inArray(complaints.elderId, ids))! : mine
    }
  }
}
