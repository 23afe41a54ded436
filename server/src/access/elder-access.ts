import { and, eq, isNull } from 'drizzle-orm'
import type { AppDeps } from '../app'
import type { Db } from '../db/client'
import { elders, familyLinks } from '../db/schema'
import { AppError } from '../errors'
import type { Auth } from '../auth/token'
import { assessCircle } from '../stations/service-circle'
import type { StationIndex } from '../stations/station-index'

export type ElderRow = typeof elders.$inferSelect

/**
 * What the caller wants with an elder:
 * - read: the profile, orders, complaints, visit records;
 * - book: quote and order for them (family and self; staff and supervisors for an elder who phoned in);
 * - confirm: see a pending profile in person and confirm it, or help the elder make a family invitation.
 */
export type ElderIntent = 'read' | 'book' | 'confirm'

/** The facts the rule needs about one elder and the caller, read by whichever query suits the path. */
export interface ElderFacts {
  /** The elder's own login. */
  userId: number | null
  /** The caller's family link to this elder that is in force (not revoked), if any. */
  linkId: number | null
  homeLat: number
  homeLng: number
}

/**
 * The one rule for every route that takes an elderId or returns elder data:
 * - an elder acts for themself only;
 * - a relative, for an elder they are bound to now (a revoked link counts for nothing from the next request);
 * - staff and station admins, for elders whose home is inside their own station's service circle (an elder who
 *   phoned the station, a profile to confirm in person) — never for any other station's;
 * - a supervisor, for every elder (the demo has one district: supervisors are not yet tied to districts).
 * Anything else is answered exactly as a missing elder (404), so existence does not leak.
 */
export function mayActFor(auth: Auth, e: ElderFacts | undefined, stations: Pick<StationIndex, 'get'> | null, intent: ElderIntent = 'book'): boolean {
  if (!e) return false
  switch (auth.role) {
    case 'elder':
      return e.userId === auth.userId
    case 'family':
      return e.linkId !== null && intent !== 'confirm'
    case 'staff':
    case 'station_admin':
      return stationCovers(stations, auth.stationId, e)
    case 'supervisor':
      return true
  }
}

/** Whether this station (active or not) has the home inside its service circle. */
export function stationCovers(stations: Pick<StationIndex, 'get'> | null, stationId: number | null, home: { homeLat: number; homeLng: number }): boolean {
  const s = stationId === null || !stations ? undefined : stations.get(stationId)
  return !!s && assessCircle(s, { lat: home.homeLat, lng: home.homeLng }).withinCircle
}

/** Staff need the station index to judge; other roles never do (saves a cache read on the residents' path). */
export async function stationsFor(deps: Pick<AppDeps, 'stationIndex'>, auth: Auth): Promise<StationIndex | null> {
  return auth.role === 'staff' || auth.role === 'station_admin' ? deps.stationIndex.get() : null
}

/**
 * The same rule as a list, for residents' lists (their orders, complaints, /api/me): themself if an elder, parents
 * bound now if family, none otherwise (staff and supervisors list by station or district, not by elder).
 */
export async function eldersActedFor(db: Db, auth: Auth): Promise<ElderRow[]> {
  if (auth.role === 'elder') return db.select().from(elders).where(eq(elders.userId, auth.userId))
  if (auth.role === 'family') {
    const rows = await db
      .select({ elder: elders })
      .from(familyLinks)
      .innerJoin(elders, eq(elders.id, familyLinks.elderId))
      .where(and(eq(familyLinks.familyUserId, auth.userId), isNull(familyLinks.revokedAt)))
      .orderBy(elders.id)
    return rows.map((r) => r.elder)
  }
  return []
}

/** The elder if the caller may act on them with this intent; otherwise the same 404 as a missing elder. */
export async function elderFor(deps: Pick<AppDeps, 'database' | 'stationIndex'>, auth: Auth, elderId: number, intent: ElderIntent = 'book'): Promise<ElderRow> {
  // One query: the elder and, for family, the consent link in force.
  const [row] = await deps.database.db
    .select({ e: elders, linkId: familyLinks.id })
    .from(elders)
    .leftJoin(familyLinks, and(eq(familyLinks.elderId, elders.id), eq(familyLinks.familyUserId, auth.userId), isNull(familyLinks.revokedAt)))
    .where(eq(elders.id, elderId))
    .limit(1)
  const facts = row && { userId: row.e.userId, linkId: row.linkId, homeLat: row.e.homeLat, homeLng: row.e.homeLng }
  return mayActFor(auth, facts, await stationsFor(deps, auth), intent) ? row!.e : elderNotFound()
}

/** Booking needs a confirmed profile: a pending one is refused with what to do. */
export function assertBookable(e: { status: ElderRow['status'] | string }): void {
  if (e.status === 'pending') {
    throw new AppError(409, 'ELDER_PENDING', '这位老人的资料还在等驿站工作人员上门确认，确认后才能预约。可联系附近驿站或拨打 12349 请工作人员上门')
  }
}

export function elderNotFound(): never {
  throw new AppError(404, 'ELDER_NOT_FOUND', '没有找到这位老人，或您还没有绑定这位老人')
}
