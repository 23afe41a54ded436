import { eq } from 'drizzle-orm'
import type { Auth } from '../auth/token'
import type { Db } from '../db/client'
import { stations } from '../db/schema'
import { forbidden, notFound } from '../errors'

/** A station's board is written by its own admin only: a station that does not exist is 404, another station's 403. */
export async function assertOwnStation(db: Db, auth: Auth, stationId: number): Promise<void> {
  const [s] = await db.select({ id: stations.id }).from(stations).where(eq(stations.id, stationId)).limit(1)
  if (!s) throw notFound('这个驿站')
  if (auth.role !== 'station_admin' || auth.stationId !== stationId) throw forbidden('只能编辑和公示本驿站的价格')
}
