import { eq, inArray, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../db/client'
import { orders } from '../db/schema'
import type { Auth } from '../auth/token'
import { eldersActedFor } from '../auth/get-me'

/** The orders a caller may see, as a WHERE clause: their elders', their station's, or all for a supervisor. */
export async function orderScope(db: Db, auth: Auth): Promise<SQL> {
  switch (auth.role) {
    case 'elder':
    case 'family': {
      const ids = (await eldersActedFor(db, auth)).map((e) => e.id)
      return ids.length ? inArray(orders.elderId, ids) : sql`FALSE`
    }
    case 'staff':
    case 'station_admin':
      return auth.stationId ? eq(orders.stationId, auth.stationId) : sql`FALSE`
    case 'supervisor':
      return sql`TRUE`
  }
}

/**
 * The orders a caller may open one by one: their scope, and for staff also the orders they placed by phone (代客下单).
 * Routing may send such an order to another station (the nearest with room); its placer can still follow it, but
 * it stays out of their station's list and they cannot act on it (transitions use orderScope).
 */
export async function orderReadScope(db: Db, auth: Auth): Promise<SQL> {
  const scope = await orderScope(db, auth)
  return auth.role === 'staff' || auth.role === 'station_admin' ? or(scope, eq(orders.bookedBy, auth.userId))! : scope
}
