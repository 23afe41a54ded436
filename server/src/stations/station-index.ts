import KDBush from 'kdbush'
import { around } from 'geokdbush'
import { eq, sql } from 'drizzle-orm'
import type { Db } from '../db/client'
import { stations, operators } from '../db/schema'
import { greatCircleMeters, type CircleStation } from './service-circle'

export interface IndexedStation extends CircleStation {
  id: number
  operatorName: string
  address: string
  phone: string
  status: 'active' | 'suspended' | 'closed'
  /** Why a supervisor suspended it (public); absent in fixtures that never suspend. */
  suspendedReason?: string | null
  ratingTenths: number
  ratingCount: number
}

/** Pure part: a kd-tree over station points, queried by great-circle distance. */
/** The furthest any home can be from this station and still be inside its circle, in km. */
export function reachKm(s: CircleStation): number {
  if (s.circlePolygon && s.circlePolygon.length >= 3) return Math.max(...s.circlePolygon.map(([lat, lng]) => greatCircleMeters(s, { lat, lng }))) / 1000
  if (s.kind === 'complex' && s.circleMeters) return s.circleMeters / 1000
  return (s.circleMinutes * s.speedMetersPerMinute * 1000) / s.detourPermille / 1000
}

export class StationIndex {
  private readonly tree: KDBush
  /** The largest reach of any station: a home further than this from every station is in no circle. */
  readonly maxReachKm: number
  constructor(readonly stations: IndexedStation[]) {
    this.maxReachKm = stations.reduce((m, s) => Math.max(m, reachKm(s)), 0)
    this.tree = new KDBush(Math.max(1, stations.length))
    for (const s of stations) this.tree.add(s.lng, s.lat)
    if (stations.length === 0) this.tree.add(0, 0) // KDBush needs one point; filtered out below
    this.tree.finish()
  }
  /** Stations nearest first, within maxKm, optionally filtered; never scans all stations. */
  nearest(lat: number, lng: number, limit: number, maxKm: number, keep?: (s: IndexedStation) => boolean): IndexedStation[] {
    if (this.stations.length === 0) return []
    const ids = around(this.tree, lng, lat, limit, maxKm, keep ? (i: number) => keep(this.stations[i]) : undefined)
    return ids.map((i) => this.stations[i])
  }
  get(id: number): IndexedStation | undefined {
    return this.byId().get(id)
  }
  private idMap?: Map<number, IndexedStation>
  private byId() {
    return (this.idMap ??= new Map(this.stations.map((s) => [s.id, s])))
  }
}

/**
 * The database is the source of truth; each process keeps an index and rebuilds it when the stations
 * table changes (checked at most every `checkMs`, or at once after a local change via invalidate()).
 */
export class StationIndexCache {
  private index: StationIndex | null = null
  private stamp = ''
  private checkedAt = 0
  private loading: Promise<StationIndex> | null = null

  constructor(private readonly db: Db, private readonly checkMs = 5000, private readonly now = () => Date.now()) {}

  invalidate() {
    this.checkedAt = 0
    this.stamp = ''
  }

  async get(): Promise<StationIndex> {
    if (this.index && this.now() - this.checkedAt < this.checkMs) return this.index
    return (this.loading ??= this.refresh().finally(() => (this.loading = null)))
  }

  private async refresh(): Promise<StationIndex> {
    const [row] = await this.db.select({ n: sql<number>`COUNT(*)`, last: sql<string>`MAX(${stations.updatedAt})` }).from(stations)
    const stamp = `${row.n}|${row.last}`
    if (!this.index || stamp !== this.stamp) {
      const rows = await this.db
        .select({ s: stations, operatorName: operators.name })
        .from(stations)
        .innerJoin(operators, eq(operators.id, stations.operatorId))
      this.index = new StationIndex(
        rows.map(({ s, operatorName }) => ({
          id: s.id, name: s.name, kind: s.kind, lat: s.lat, lng: s.lng, circleMinutes: s.circleMinutes, circleMeters: s.circleMeters,
          circlePolygon: s.circlePolygon ?? null, travelMode: s.travelMode, speedMetersPerMinute: s.speedMetersPerMinute,
          detourPermille: s.detourPermille, operatorName, address: s.address, phone: s.phone, status: s.status, suspendedReason: s.suspendedReason, ratingTenths: s.ratingTenths, ratingCount: s.ratingCount,
        })),
      )
      this.stamp = stamp
    }
    this.checkedAt = this.now()
    return this.index
  }
}
