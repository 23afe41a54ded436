import { routeOrder, type RoutingCandidate } from './route-order'

const cand = (id: number, over: Partial<RoutingCandidate> & { minutes?: number; meters?: number; inside?: boolean } = {}): RoutingCandidate => ({
  stationId: id,
  name: `站${id}`,
  phone: '0830-1',
  active: true,
  offersService: true,
  capacity: 2,
  booked: 0,
  ratingTenths: 40,
  verdict: { distanceMeters: over.meters ?? (over.minutes ?? 5) * 60, travelMinutes: over.minutes ?? 5, withinCircle: over.inside ?? true, explanation: `站${id}，约 300 米，步行约 5 分钟` },
  ...over,
})

describe('routeOrder', () => {
  it('picks the shortest travel time among stations whose circle covers the home', () => {
    const r = routeOrder([cand(1, { minutes: 9 }), cand(2, { minutes: 4 }), cand(3, { minutes: 2, inside: false })])
    expect(r.ok && r.winner.stationId).toBe(2)
    expect(r.ok && r.ranked.map((c) => c.stationId)).toEqual([2, 1])
  })

  it('breaks ties by lower load, then higher rating, then lower id', () => {
    expect(routeOrder([cand(1, { booked: 1 }), cand(2, { booked: 0 })]).ok && (routeOrder([cand(1, { booked: 1 }), cand(2)]) as any).winner.stationId).toBe(2)
    const byRating = routeOrder([cand(1, { ratingTenths: 38 }), cand(2, { ratingTenths: 47 })])
    expect(byRating.ok && byRating.winner.stationId).toBe(2)
    const byId = routeOrder([cand(9), cand(4), cand(7)])
    expect(byId.ok && byId.winner.stationId).toBe(4)
  })

  it('load is relative to capacity: 1 of 4 beats 1 of 2', () => {
    const r = routeOrder([cand(1, { booked: 1, capacity: 2 }), cand(2, { booked: 1, capacity: 4 })])
    expect(r.ok && r.winner.stationId).toBe(2)
  })

  it('skips suspended stations, stations without the service, full slots and stations that declined', () => {
    const r = routeOrder(
      [cand(1, { active: false, minutes: 1 }), cand(2, { offersService: false, minutes: 2 }), cand(3, { booked: 2, minutes: 3 }), cand(4, { minutes: 4 }), cand(5, { minutes: 6 })],
      new Set([4]),
    )
    expect(r.ok && r.winner.stationId).toBe(5)
  })

  it('no station in the circle: explains, names the nearest station outside and the 12349 hotline', () => {
    const r = routeOrder([cand(3, { inside: false, meters: 2400, minutes: 42 }), cand(8, { inside: false, meters: 1800, minutes: 31 })])
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.reason).toBe('NO_STATION_IN_CIRCLE')
    expect(r.nearestOutside?.stationId).toBe(8)
    expect(r.explanation).toContain('12349')
  })

  it('a suspended station alone in the circle counts as no station in reach', () => {
    const r = routeOrder([cand(1, { active: false })])
    expect(!r.ok && r.reason).toBe('NO_STATION_IN_CIRCLE')
  })

  it('distinguishes "service not offered" from "slot full"', () => {
    expect((routeOrder([cand(1, { offersService: false })]) as any).reason).toBe('SERVICE_NOT_OFFERED')
    expect((routeOrder([cand(1, { booked: 2 }), cand(2, { capacity: 0 })]) as any).reason).toBe('SLOT_FULL')
  })

  it('is deterministic whatever the input order', () => {
    const list = [cand(5, { minutes: 3 }), cand(2, { minutes: 3 }), cand(9, { minutes: 3 })]
    const a = routeOrder(list)
    const b = routeOrder([...list].reverse())
    expect(a.ok && b.ok && a.winner.stationId === b.winner.stationId).toBe(true)
  })
})
