import { assessCircle } from '../stations/service-circle'
import type { IndexedStation } from '../stations/station-index'
import type { Reach } from '../routing/load-candidates'
import { withoutPlace, type Plan } from './plan-booking'

const home = { lat: 28.88, lng: 105.44 }
const station = (id: number, northMeters: number): IndexedStation => ({
  id, name: `驿站${id}`, kind: 'station', lat: home.lat + northMeters / 111_320, lng: home.lng, circleMinutes: 15, circleMeters: null, circlePolygon: null,
  travelMode: 'walk', speedMetersPerMinute: 75, detourPermille: 1300, operatorName: '运营方', address: '', phone: '0830-1', status: 'active', ratingTenths: 40, ratingCount: 10,
})
const rule = (stationId: number) => ({ stationId, category: 'cleaning' as const, openMinute: 480, closeMinute: 1080, slotMinutes: 60, capacity: 2 })

function planNear(...stations: IndexedStation[]): Plan {
  const reach: Reach = {
    home,
    inCircle: stations.map((s) => ({ station: s, verdict: assessCircle(s, home) })),
    nearest: null,
    prices: new Map(stations.map((s) => [s.id, { priceVersionId: 1, freeFen: 0, lowFen: 1000, paidFen: 3000 }])),
    rules: new Map(stations.map((s) => [s.id, [rule(s.id)]])),
  }
  const slotStart = new Date('2026-11-24T10:00:00+08:00')
  const ranked = reach.inCircle.map(({ station: s, verdict }) => ({ stationId: s.id, name: s.name, phone: s.phone, active: true, verdict, offersService: true, capacity: 2, booked: 0, ratingTenths: 40 }))
  return { slotStart, reach, booked: new Map(), ranked, winner: ranked[0] } as unknown as Plan
}

describe('withoutPlace (a station filled up between reading its load and writing the booking)', () => {
  it('routes to the next station in rank', () => {
    const next = withoutPlace(planNear(station(1, 200), station(2, 600)), 1)
    expect(next.winner.stationId).toBe(2)
    expect(next.ranked.map((c) => c.stationId)).toEqual([2])
  })

  it('with no station left, answers 409 SLOT_FULL in plain words', () => {
    const plan = withoutPlace(planNear(station(1, 200), station(2, 600)), 1)
    expect(() => withoutPlace(plan, 2)).toThrow(expect.objectContaining({ status: 409, code: 'SLOT_FULL', message: expect.stringMatching(/约满/) }))
  })
})
