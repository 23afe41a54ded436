import fc from 'fast-check'
import { offset } from '../seed/demo-data'
import { StationIndex, type IndexedStation } from '../stations/station-index'
import { stationsCovering } from '../routing/load-candidates'
import { computeCoverage, inArea, uncoveredOf, type CoverageElder, type CoverageStation } from './coverage'

const CENTRE = { lat: 28.8776, lng: 105.4406 }
const DAY = new Date('2026-06-01T04:00:00Z') // 12:00 in Shanghai

const station = (id: number, p: { lat: number; lng: number }, more: Partial<CoverageStation> = {}): IndexedStation => ({
  id, name: `驿站${id}`, kind: 'station', lat: p.lat, lng: p.lng, circleMinutes: 15, circleMeters: null, circlePolygon: null, travelMode: 'walk',
  speedMetersPerMinute: 75, detourPermille: 1300, status: 'active', operatorName: '', address: '', phone: '', ratingTenths: 0, ratingCount: 0, ...more,
})
let nextId = 1
const elder = (p: { lat: number; lng: number }, tier: CoverageElder['tier'] = 'paid', birthDate = '1950-01-01'): CoverageElder => ({ id: nextId++, ...p, tier, birthDate })

describe('computeCoverage', () => {
  it('counts an elder inside 15 minutes’ walk (800 m × 1.3 ÷ 75 = 13.9 min) and not one at 900 m (15.6 min)', () => {
    const s = station(1, CENTRE)
    const elders = [elder(offset(CENTRE, 800, 0)), elder(offset(CENTRE, 900, 0)), elder(offset(CENTRE, 860, Math.PI / 2))]
    const c = computeCoverage([s], elders, DAY)
    expect([...c.covered]).toEqual([1, 0, 1])
    expect(c.overall).toEqual({ elders: 3, covered: 2, share: 2 / 3 })
    expect(c.eldersCovered.get(1)).toBe(2)
  })

  it('lets a 综合体 cover 2 km and ignores suspended and closed stations', () => {
    const elders = [elder(offset(CENTRE, 1900, 1)), elder(offset(CENTRE, 2100, 1))]
    const c = computeCoverage([station(5, CENTRE, { kind: 'complex', circleMeters: 2000 }), station(6, offset(CENTRE, 2100, 1), { status: 'suspended' }), station(7, offset(CENTRE, 2100, 1), { status: 'closed' })], elders, DAY)
    expect([...c.covered]).toEqual([1, 0])
    expect(c.eldersCovered.has(6)).toBe(false)
  })

  it('uses a published polygon instead of the radius', () => {
    const square: [number, number][] = [offset(CENTRE, 300, Math.PI * 0.25), offset(CENTRE, 300, Math.PI * 0.75), offset(CENTRE, 300, Math.PI * 1.25), offset(CENTRE, 300, Math.PI * 1.75)].map((p) => [p.lat, p.lng])
    const c = computeCoverage([station(1, CENTRE, { circlePolygon: square })], [elder(offset(CENTRE, 100, 0)), elder(offset(CENTRE, 500, 0))], DAY)
    expect([...c.covered]).toEqual([1, 0])
  })

  it('splits by tier and by age band at the given day (90 on the birthday, 89 the day before)', () => {
    const inside = offset(CENTRE, 100, 0)
    const outside = offset(CENTRE, 5000, 0)
    const elders = [
      elder(inside, 'free', '1936-06-01'), // 90 today
      elder(outside, 'free', '1936-06-02'), // 89
      elder(inside, 'low', '1956-05-31'), // 70
      elder(outside, 'paid', '1966-06-02'), // 59
    ]
    const c = computeCoverage([station(1, CENTRE)], elders, DAY)
    expect(c.byTier).toEqual({ free: { elders: 2, covered: 1, share: 0.5 }, low: { elders: 1, covered: 1, share: 1 }, paid: { elders: 1, covered: 0, share: 0 } })
    expect(c.byAgeBand['90_plus']).toEqual({ elders: 1, covered: 1, share: 1 })
    expect(c.byAgeBand['80_89']).toEqual({ elders: 1, covered: 0, share: 0 })
    expect(c.byAgeBand['70_79']).toEqual({ elders: 1, covered: 1, share: 1 })
    expect(c.byAgeBand['60_69']).toEqual({ elders: 0, covered: 0, share: null })
    expect(c.byAgeBand.under_60).toEqual({ elders: 1, covered: 0, share: 0 })
    expect(uncoveredOf(elders, c).map((e) => e.birthDate)).toEqual(['1936-06-02', '1966-06-02'])
  })

  it('has nothing to divide with no elders, and covers nobody with no stations', () => {
    expect(computeCoverage([station(1, CENTRE)], [], DAY).overall).toEqual({ elders: 0, covered: 0, share: null })
    expect(computeCoverage([], [elder(CENTRE)], DAY).overall).toEqual({ elders: 1, covered: 0, share: 0 })
  })

  it('filters an area by its box', () => {
    const keep = inArea({ south: 28.8, west: 105.4, north: 28.9, east: 105.5 })
    expect([keep(CENTRE), keep({ lat: 28.95, lng: 105.44 })]).toEqual([true, false])
    expect(inArea(null)({ lat: 0, lng: 0 })).toBe(true)
  })
})

// Random districts: stations and homes within ~4 km of the centre, some suspended, some 综合体, some polygons.
const arbPoint = fc.record({ m: fc.integer({ min: 0, max: 4000 }), b: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }) }).map(({ m, b }) => offset(CENTRE, m, b))
const arbStation = fc.record({ p: arbPoint, complex: fc.boolean(), suspended: fc.boolean(), ebike: fc.boolean(), polygon: fc.boolean() }).map(({ p, complex, suspended, ebike, polygon }) =>
  station(0, p, {
    kind: complex ? 'complex' : 'station', circleMeters: complex ? 2000 : null, status: suspended ? 'suspended' : 'active',
    travelMode: ebike ? 'ebike' : 'walk', speedMetersPerMinute: ebike ? 200 : 75,
    circlePolygon: polygon ? [0, 1, 2].map((k) => offset(p, 700, k * 2.1)).map((q) => [q.lat, q.lng] as [number, number]) : null,
  }),
)
const arbDistrict = fc.record({
  stations: fc.array(arbStation, { maxLength: 12 }).map((ss) => ss.map((s, i) => ({ ...s, id: i + 1 }))),
  elders: fc.array(fc.record({ p: arbPoint, tier: fc.constantFrom('free', 'low', 'paid' as const) }), { maxLength: 60 }).map((es) => es.map((e, i) => ({ id: i + 1, ...e.p, tier: e.tier, birthDate: '1950-01-01' }))),
})

describe('computeCoverage (properties)', () => {
  it('agrees with the routing rule: covered exactly when some active station’s circle covers the home (circleOf’s kd-tree query)', () => {
    fc.assert(
      fc.property(arbDistrict, ({ stations, elders }) => {
        const c = computeCoverage(stations, elders, DAY)
        const index = new StationIndex(stations)
        elders.forEach((e, i) => expect(c.covered[i]).toBe(stationsCovering(index, e, (s) => s.status === 'active').length > 0 ? 1 : 0))
      }),
    )
  })

  it('never lowers anyone’s coverage when a station is added', () => {
    fc.assert(
      fc.property(arbDistrict, arbStation, ({ stations, elders }, extra) => {
        const before = computeCoverage(stations, elders, DAY)
        const after = computeCoverage([...stations, { ...extra, id: 99 }], elders, DAY)
        elders.forEach((_, i) => expect(after.covered[i]).toBeGreaterThanOrEqual(before.covered[i]))
        expect(after.overall.covered).toBeGreaterThanOrEqual(before.overall.covered)
      }),
    )
  })
})
