import type { GeoPoint, StationKind, TravelMode } from '@carecircle/shared'
import { TRAVEL_MODE_LABELS } from '@carecircle/shared'

/** What the circle rule needs of a station: pure data, no database. */
export interface CircleStation {
  name: string
  kind: StationKind
  lat: number
  lng: number
  circleMinutes: number
  circleMeters: number | null
  circlePolygon: [number, number][] | null
  travelMode: TravelMode
  speedMetersPerMinute: number
  detourPermille: number
}

export interface CircleVerdict {
  readonly distanceMeters: number
  readonly travelMinutes: number
  readonly withinCircle: boolean
  /** "兴隆驿站，步行约 9 分钟（约 650 米）": travel time first, as the station list reads */
  readonly explanation: string
}

const EARTH_RADIUS_M = 6_371_008.8
const rad = (d: number) => (d * Math.PI) / 180

/** Great-circle (haversine) distance in metres. */
export function greatCircleMeters(a: GeoPoint, b: GeoPoint): number {
  const dLat = rad(b.lat - a.lat)
  const dLng = rad(b.lng - a.lng)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** Ray casting over [lat, lng] vertices; fine at a station's scale (a few km). */
export function pointInPolygon(p: GeoPoint, polygon: [number, number][]): boolean {
  let inside = false
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [yi, xi] = polygon[i]
    const [yj, xj] = polygon[j]
    if (yi > p.lat !== yj > p.lat && p.lng < ((xj - xi) * (p.lat - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

/** 650 → "约 650 米", 2340 → "约 2.3 公里". */
export function describeDistance(meters: number): string {
  if (meters < 1000) return `约 ${Math.max(10, Math.round(meters / 10) * 10)} 米`
  return `约 ${(meters / 1000).toFixed(1)} 公里`
}

/** A verdict whose sentence is built only when someone reads it: routing ranks dozens, explains one. */
class Verdict implements CircleVerdict {
  constructor(private readonly station: CircleStation, readonly distanceMeters: number, readonly travelMinutes: number, readonly withinCircle: boolean) {}
  get explanation(): string {
    return `${this.station.name}，${TRAVEL_MODE_LABELS[this.station.travelMode]}约 ${this.travelMinutes} 分钟（${describeDistance(this.distanceMeters)}）`
  }
}

/**
 * The service-circle rule (seeds 001, 002, 004): travel time = great-circle distance × detour ÷ speed.
 * A 驿站 serves homes within circleMinutes; a 综合体 within circleMeters; a published polygon overrides both.
 */
export function assessCircle(station: CircleStation, home: GeoPoint): CircleVerdict {
  const distanceMeters = Math.round(greatCircleMeters(station, home))
  const roadMeters = (distanceMeters * station.detourPermille) / 1000
  const travelMinutes = Math.max(1, Math.ceil(roadMeters / station.speedMetersPerMinute))
  let withinCircle: boolean
  if (station.circlePolygon && station.circlePolygon.length >= 3) withinCircle = pointInPolygon(home, station.circlePolygon)
  else if (station.kind === 'complex' && station.circleMeters) withinCircle = distanceMeters <= station.circleMeters
  else withinCircle = travelMinutes <= station.circleMinutes
  return new Verdict(station, distanceMeters, travelMinutes, withinCircle)
}
