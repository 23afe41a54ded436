import { and, between, desc, eq, like, lt, type SQL } from 'drizzle-orm'
import { businessDate, maskPhone, toBusinessIso, type ElderListItem, type ElderSearchQuery, type ElderSearchResponse } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { stationCovers } from '../access/elder-access'
import { elders } from '../db/schema'
import { reachKm, type StationIndex } from '../stations/station-index'

/** A page of elders unless the caller asks for another size (1–100); `nextCursor` leads on, nothing is dropped. */
export const ELDER_PAGE = 50
const BATCH = 200
const KM_PER_DEGREE = 111.32

type ElderRow = typeof elders.$inferSelect

/**
 * 找老人 (for a phoned-in booking or a profile to confirm): by part of the name or the phone's last 4 digits, or
 * all pending profiles. Staff see only elders inside their station's circle — a bounding box in SQL, then the
 * circle itself (the same stationCovers the access rule uses); supervisors see every elder (the route admits only these roles). Newest first,
 * paged by id (keyset): `nextCursor` is the last id shown while more match.
 */
export async function searchElders(deps: Pick<AppDeps, 'database' | 'stationIndex' | 'clock'>, auth: Auth, q: ElderSearchQuery): Promise<ElderSearchResponse> {
  const match = and(
    q.q ? (/^\d{4}$/.test(q.q) ? eq(elders.phoneLast4, q.q) : like(elders.name, `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)) : undefined,
    q.status ? eq(elders.status, q.status) : undefined,
  )
  const index = auth.role === 'supervisor' ? null : await deps.stationIndex.get()
  const area = index ? inStationBox(index, auth.stationId) : undefined
  if (area === null) return { elders: [], nextCursor: null }
  const keep = index ? (e: ElderRow) => stationCovers(index, auth.stationId, e) : () => true
  const limit = q.limit ?? ELDER_PAGE
  const found: ElderRow[] = []
  // Keyset batches: the box holds a few elders outside the circle, so read on until one more than the page is found
  // (then there is a next page) or none is left.
  for (let before = q.cursor; found.length <= limit; ) {
    const batch = await deps.database.db
      .select()
      .from(elders)
      .where(and(match, area, before ? lt(elders.id, before) : undefined))
      .orderBy(desc(elders.id))
      .limit(BATCH)
    found.push(...batch.filter(keep))
    if (batch.length < BATCH) break
    before = batch[batch.length - 1].id
  }
  const today = businessDate(deps.clock())
  const page = found.slice(0, limit)
  return { elders: page.map((e) => toListItem(e, today)), nextCursor: found.length > limit ? String(page[page.length - 1].id) : null }
}

/** The box around a station's circle as SQL, or null when the caller has no station. */
function inStationBox(index: StationIndex, stationId: number | null): SQL | undefined | null {
  const s = stationId === null ? undefined : index.get(stationId)
  if (!s) return null
  const km = reachKm(s)
  const dLat = km / KM_PER_DEGREE
  const dLng = km / (KM_PER_DEGREE * Math.max(0.01, Math.cos((s.lat * Math.PI) / 180)))
  return and(between(elders.homeLat, s.lat - dLat, s.lat + dLat), between(elders.homeLng, s.lng - dLng, s.lng + dLng))
}

function toListItem(e: ElderRow, today: string): ElderListItem {
  return {
    id: e.id, name: e.name, status: e.status, tier: e.tier, tierVerified: e.tierVerifiedAt !== null, phone: maskPhone(e.phone), address: e.address,
    age: ageOn(e.birthDate, today), createdAt: toBusinessIso(e.createdAt), confirmedAt: e.confirmedAt ? toBusinessIso(e.confirmedAt) : null,
  }
}

/** Whole years between two YYYY-MM-DD dates. */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4))
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years
}
