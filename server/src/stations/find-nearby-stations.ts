import { HOTLINE, publicRating, type NearbyResponse, type NearbyQuery, type NearbyStation } from '@carecircle/shared'
import { assessCircle, type CircleVerdict } from './service-circle'
import type { IndexedStation, StationIndex } from './station-index'
import { servingStationOf } from '../routing/load-candidates'

function toNearbyStation(s: IndexedStation, v: CircleVerdict): NearbyStation {
  return {
    id: s.id, name: s.name, kind: s.kind, operatorName: s.operatorName, address: s.address, phone: s.phone,
    lat: s.lat, lng: s.lng, rating: publicRating(s.ratingTenths, s.ratingCount), ratingCount: s.ratingCount, travelMode: s.travelMode,
    distanceMeters: v.distanceMeters, travelMinutes: v.travelMinutes, explanation: v.explanation,
    // A suspended station is shown (residents may look for it), says so and why, but never counts as serving them.
    withinCircle: v.withinCircle && s.status === 'active',
    status: s.status,
    suspendedReason: s.status === 'suspended' ? s.suspendedReason ?? null : null,
  }
}

/** Stations near a point with distance, travel time, whether the point is inside each one's circle, and who serves it now. */
export function findNearbyStations(index: StationIndex, q: NearbyQuery, maxKm: number): NearbyResponse {
  const found = index.nearest(q.lat, q.lng, q.limit ?? 10, maxKm, (s) => s.status !== 'closed')
  const serving = servingStationOf(index, q)
  return {
    hotline: HOTLINE,
    stations: found.map((s) => toNearbyStation(s, assessCircle(s, q))),
    servingStation: serving ? toNearbyStation(serving.station, serving.verdict) : null,
  }
}
