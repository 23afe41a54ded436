import fc from 'fast-check'
import { greatCircleMeters, assessCircle } from './service-circle'
import { StationIndex, reachKm, type IndexedStation } from './station-index'

const CENTRE = { lat: 28.8776, lng: 105.4406 }
// geokdbush measures on a 6371 km sphere, ours on 6371.0088 km: the same order, a hair shorter.
const GEOKDBUSH_SCALE = 6371 / 6371.0088

function indexed(id: number, lat: number, lng: number, extra: Partial<IndexedStation> = {}): IndexedStation {
  return {
    id, name: `驿站${id}`, kind: 'station', lat, lng, circleMinutes: 15, circleMeters: null, circlePolygon: null,
    travelMode: 'walk', speedMetersPerMinute: 75, detourPermille: 1300, operatorName: '运营方', address: '地址', phone: '0830-0000000',
    status: 'active', ratingTenths: 45, ratingCount: 10, ...extra,
  }
}

/** Stations scattered within ~0.3° of the centre, as a district and its suburbs. */
const scattered = fc
  .array(fc.record({ dLat: fc.double({ min: -0.3, max: 0.3, noNaN: true }), dLng: fc.double({ min: -0.3, max: 0.3, noNaN: true }), suspended: fc.boolean() }), { minLength: 1, maxLength: 80 })
  .map((pts) => pts.map((p, i) => indexed(i + 1, CENTRE.lat + p.dLat, CENTRE.lng + p.dLng, { status: p.suspended ? 'suspended' : 'active' })))

const query = fc.record({ lat: fc.double({ min: CENTRE.lat - 0.4, max: CENTRE.lat + 0.4, noNaN: true }), lng: fc.double({ min: CENTRE.lng - 0.4, max: CENTRE.lng + 0.4, noNaN: true }) })

function bruteForce(stations: IndexedStation[], q: { lat: number; lng: number }, limit: number, maxKm: number, keep: (s: IndexedStation) => boolean) {
  return stations
    .filter(keep)
    .map((s) => ({ s, km: (greatCircleMeters(q, s) / 1000) * GEOKDBUSH_SCALE }))
    .filter((x) => x.km <= maxKm)
    .sort((a, b) => a.km - b.km)
    .slice(0, limit)
    .map((x) => x.s.id)
}

describe('StationIndex.nearest', () => {
  it('returns what a full scan would: nearest first, within maxKm, filtered, at most limit', () => {
    fc.assert(
      fc.property(scattered, query, fc.integer({ min: 1, max: 20 }), fc.double({ min: 0.5, max: 60, noNaN: true }), (stations, q, limit, maxKm) => {
        const keep = (s: IndexedStation) => s.status === 'active'
        const got = new StationIndex(stations).nearest(q.lat, q.lng, limit, maxKm, keep).map((s) => s.id)
        // Compared by distance (stations at the same spot may come in any order); a station a hair from
        // maxKm may fall either side (two haversine implementations), so allow 1 ppm there.
        const metres = (ids: number[]) => ids.map((id) => Math.round(greatCircleMeters(q, stations[id - 1]) * 1000) / 1000)
        const surely = metres(bruteForce(stations, q, limit, maxKm * (1 - 1e-6), keep))
        const maybe = metres(bruteForce(stations, q, limit, maxKm * (1 + 1e-6), keep))
        expect(metres(got).slice(0, surely.length)).toEqual(surely)
        expect(maybe.slice(0, got.length)).toEqual(metres(got))
        expect(new Set(got).size).toBe(got.length)
        expect(got.every((id) => keep(stations[id - 1]))).toBe(true)
      }),
    )
  })

  it('an empty index finds nothing', () => {
    expect(new StationIndex([]).nearest(CENTRE.lat, CENTRE.lng, 10, 30)).toEqual([])
    expect(new StationIndex([]).maxReachKm).toBe(0)
  })

  it('looks stations up by id', () => {
    const index = new StationIndex([indexed(7, CENTRE.lat, CENTRE.lng), indexed(9, CENTRE.lat + 0.01, CENTRE.lng)])
    expect(index.get(9)?.id).toBe(9)
    expect(index.get(8)).toBeUndefined()
  })
})

describe('reachKm', () => {
  it('a walking 驿站 reaches 15 × 75 m of road ÷ 1.3 detour ≈ 0.865 km; a 综合体 its radius', () => {
    expect(reachKm(indexed(1, 0, 0))).toBeCloseTo(0.8654, 3)
    expect(reachKm(indexed(1, 0, 0, { kind: 'complex', circleMeters: 2000 }))).toBe(2)
  })

  it('bounds every home the circle rule accepts, so routing may search no further', () => {
    const station = fc.record({
      kind: fc.constantFrom('station' as const, 'complex' as const),
      speedMetersPerMinute: fc.integer({ min: 40, max: 400 }),
      detourPermille: fc.integer({ min: 1000, max: 2000 }),
      circleMinutes: fc.integer({ min: 5, max: 30 }),
      circleMeters: fc.integer({ min: 500, max: 5000 }),
    })
    fc.assert(
      fc.property(station, fc.double({ min: -0.1, max: 0.1, noNaN: true }), fc.double({ min: -0.1, max: 0.1, noNaN: true }), (props, dLat, dLng) => {
        const s = indexed(1, CENTRE.lat, CENTRE.lng, props)
        const verdict = assessCircle(s, { lat: CENTRE.lat + dLat, lng: CENTRE.lng + dLng })
        if (verdict.withinCircle) expect(verdict.distanceMeters).toBeLessThanOrEqual(reachKm(s) * 1000 + 1)
      }),
    )
  })

  it('of a polygon is its furthest vertex', () => {
    const s = indexed(1, 0, 0, { circlePolygon: [[0.01, 0], [0, 0.02], [-0.01, 0]] })
    expect(reachKm(s)).toBeCloseTo(greatCircleMeters({ lat: 0, lng: 0 }, { lat: 0, lng: 0.02 }) / 1000, 6)
  })
})
