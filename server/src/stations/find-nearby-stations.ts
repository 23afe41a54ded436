import { HOTLINE, publicRating, type NearbyResponse, type NearbyQuery } from '@carecircle/shared'
import { assessCircle } from './service-circle'
import type { StationIndex } from './station-index'

/** Stations near a point with distance, travel time and whether the point is inside each one's circle. */
export function findNearbyStations(index: StationIndex, q: NearbyQuery, maxKm: number): NearbyResponse {
  const found = index.nearest(q.lat, q.lng, q.limit ?? 10, maxKm, (s) => s.status !== 'closed')
  return {
    hotline: HOTLINE,
    stations: found.map((s) => {
      const v = assessCircle(s, q)
      return {
        id: s.id, name: s.name, kind: s.kind, operatorName: s.operatorName, address: s.address, phone: s.phone,
        lat: s.lat, lng: s.lng, rating: publicRating(s.ratingTenths, s.ratingCount), ratingCount: s.ratingCount, travelMode: s.travelMode,
        distanceMeters: v.distanceMeters, travelMinutes: v.travelMinutes, explanation: v.explanation,
        // A suspended station is shown (residents may look for it) but never counts as serving them.
        withinCircle: v.withinCircle && s.status === 'active',
      }
    }),
  }
}
