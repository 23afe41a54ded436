import { StationIndex } from '../../server/src/stations/station-index'
import { assessCircle } from '../../server/src/stations/service-circle'
import { routeOrder, type RoutingCandidate } from '../../server/src/routing/route-order'
import { prng } from '../../server/src/seed/demo-data'
import type { IndexedStation } from '../../server/src/stations/station-index'
import { homesNear } from './synthetic-stations'

export interface RoutingFigures {
  stations: number
  decisions: number
  perSecond: number
  p50us: number
  p99us: number
  routed: number
  buildMs: number
}

/**
 * One routing decision = the in-memory part of routeOrder on the hot path: spatial lookup of stations
 * whose circle may reach the home, the circle rule for each, and ranking with capacity facts (which the
 * server reads from three indexed queries, stubbed here with deterministic numbers).
 */
export function benchRouting(stations: IndexedStation[], decisions = 50_000): RoutingFigures {
  const t0 = performance.now()
  const index = new StationIndex(stations)
  const buildMs = performance.now() - t0
  const homes = homesNear(stations, decisions)
  const rnd = prng(9)
  const booked = Array.from({ length: 64 }, () => Math.floor(rnd() * 3))
  const times = new Float64Array(decisions)
  let routed = 0
  const decide = (home: { lat: number; lng: number }) => {
    const near = index.nearest(home.lat, home.lng, Infinity, index.maxReachKm, (s) => s.status !== 'closed')
    const candidates: RoutingCandidate[] = near.map((s) => ({
      stationId: s.id, name: s.name, phone: s.phone, active: s.status === 'active', verdict: assessCircle(s, home),
      offersService: s.id % 10 !== 0, capacity: 2, booked: booked[s.id % 64], ratingTenths: s.ratingTenths,
    }))
    return routeOrder(candidates)
  }
  for (let i = 0; i < 2000; i++) decide(homes[i]) // warm up the JIT
  const start = performance.now()
  for (let i = 0; i < decisions; i++) {
    const t = performance.now()
    if (decide(homes[i]).ok) routed++
    times[i] = performance.now() - t
  }
  const total = performance.now() - start
  times.sort()
  return {
    stations: stations.length, decisions, perSecond: Math.round(decisions / (total / 1000)),
    p50us: +(times[Math.floor(decisions * 0.5)] * 1000).toFixed(1), p99us: +(times[Math.floor(decisions * 0.99)] * 1000).toFixed(1), routed, buildMs: Math.round(buildMs),
  }
}
