import type { GeoPoint } from '@carecircle/shared'
import { stationsCovering } from '../routing/load-candidates'
import { routeOrder } from '../routing/route-order'
import type { StationIndex } from '../stations/station-index'

/**
 * The station a round goes to, by the orders' rule (routeOrder over the kd-tree's covering stations): the nearest
 * active station whose circle covers the home, ties by rating then id. Every station offers rounds and a round
 * takes no slot, so only the circle and the ranking decide. Null: no active circle covers the home — the round
 * goes to the supervisors' list.
 */
export function stationForRound(index: StationIndex, home: GeoPoint): number | null {
  const covering = stationsCovering(index, home, (s) => s.status === 'active')
  const result = routeOrder(
    covering.map(({ station, verdict }) => ({
      stationId: station.id, name: station.name, phone: station.phone, active: true, verdict, offersService: true, capacity: 1, booked: 0, ratingTenths: station.ratingTenths,
    })),
  )
  return result.ok ? result.winner.stationId : null
}
