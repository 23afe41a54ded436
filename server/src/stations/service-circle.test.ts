import fc from 'fast-check'
import type { GeoPoint } from '@carecircle/shared'
import { assessCircle, describeDistance, greatCircleMeters, pointInPolygon, type CircleStation } from './service-circle'

const CENTRE = { lat: 28.8776, lng: 105.4406 }
const R = 6_371_008.8

/** The point `meters` from `p` along `bearingDeg` on the sphere (exact, so distances in tests are exact). */
function destination(p: GeoPoint, meters: number, bearingDeg: number): GeoPoint {
  const δ = meters / R
  const θ = (bearingDeg * Math.PI) / 180
  const φ1 = (p.lat * Math.PI) / 180
  const λ1 = (p.lng * Math.PI) / 180
  const φ2 = Math.asin(Math.sin(φ1) * Math.cos(δ) + Math.cos(φ1) * Math.sin(δ) * Math.cos(θ))
  const λ2 = λ1 + Math.atan2(Math.sin(θ) * Math.sin(δ) * Math.cos(φ1), Math.cos(δ) - Math.sin(φ1) * Math.sin(φ2))
  return { lat: (φ2 * 180) / Math.PI, lng: (λ2 * 180) / Math.PI }
}

function station(overrides: Partial<CircleStation> = {}): CircleStation {
  return {
    name: '兴隆养老服务驿站',
    kind: 'station',
    ...CENTRE,
    circleMinutes: 15,
    circleMeters: null,
    circlePolygon: null,
    travelMode: 'walk',
    speedMetersPerMinute: 75,
    detourPermille: 1300,
    ...overrides,
  }
}

const at = (meters: number, bearing = 30) => destination(CENTRE, meters, bearing)

describe('greatCircleMeters', () => {
  it.each([
    ['Beijing → Shanghai', { lat: 39.9042, lng: 116.4074 }, { lat: 31.2304, lng: 121.4737 }, 1_067_000],
    ['London → Paris', { lat: 51.5074, lng: -0.1278 }, { lat: 48.8566, lng: 2.3522 }, 343_500],
    ['New York → Los Angeles', { lat: 40.7128, lng: -74.006 }, { lat: 34.0522, lng: -118.2437 }, 3_936_000],
    ['one degree of latitude', { lat: 0, lng: 0 }, { lat: 1, lng: 0 }, 111_195],
    ['equator to pole', { lat: 0, lng: 0 }, { lat: 90, lng: 0 }, 10_007_543],
    ['antipodes', { lat: 0, lng: 0 }, { lat: 0, lng: 180 }, 20_015_087],
  ])('%s ≈ %d m (within 0.5%)', (_, a, b, expected) => {
    expect(Math.abs(greatCircleMeters(a, b) - expected) / expected).toBeLessThan(0.005)
  })

  const point = fc.record({ lat: fc.double({ min: -89.9, max: 89.9, noNaN: true }), lng: fc.double({ min: -180, max: 180, noNaN: true }) })

  it('is zero to itself, symmetric, and obeys the triangle inequality', () => {
    fc.assert(
      fc.property(point, point, point, (a, b, c) => {
        expect(greatCircleMeters(a, a)).toBeLessThan(1e-6)
        expect(Math.abs(greatCircleMeters(a, b) - greatCircleMeters(b, a))).toBeLessThan(1e-6)
        // Haversine loses about 0.1 m near antipodal points (asin close to 1): a 1 m slack, a station's scale is km.
        expect(greatCircleMeters(a, c)).toBeLessThanOrEqual(greatCircleMeters(a, b) + greatCircleMeters(b, c) + 1)
        expect(greatCircleMeters(a, b)).toBeLessThanOrEqual(Math.PI * R + 1)
      }),
    )
  })
})

describe('assessCircle', () => {
  it('explains itself in plain words, travel time first: "步行约 9 分钟（约 650 米）"', () => {
    const v = assessCircle(station({ detourPermille: 1000 }), at(650))
    const { distanceMeters, travelMinutes, withinCircle, explanation } = v
    expect({ distanceMeters, travelMinutes, withinCircle, explanation }).toEqual({ distanceMeters: 650, travelMinutes: 9, withinCircle: true, explanation: '兴隆养老服务驿站，步行约 9 分钟（约 650 米）' })
  })

  it('travel time is distance × detour ÷ speed, rounded up, at least a minute', () => {
    expect(assessCircle(station(), at(650)).travelMinutes).toBe(Math.ceil((650 * 1.3) / 75)) // 12
    expect(assessCircle(station(), CENTRE)).toMatchObject({ distanceMeters: 0, travelMinutes: 1, withinCircle: true })
  })

  // Walking at 75 m/min with a 1.3 detour, 15 minutes reach 1125 m of road: 865 m as the crow flies.
  it.each([
    ['walk', 75, 860, true],
    ['walk', 75, 870, false],
    // An e-bike at 200 m/min reaches 3000 m of road: 2307 m.
    ['ebike', 200, 2300, true],
    ['ebike', 200, 2320, false],
  ] as const)('a %s station at %i m/min: home %i m away is inside? %s', (travelMode, speed, meters, inside) => {
    const v = assessCircle(station({ travelMode, speedMetersPerMinute: speed }), at(meters, 200))
    expect(v.withinCircle).toBe(inside)
    expect(v.travelMinutes <= 15).toBe(inside)
    expect(v.explanation).toContain(travelMode === 'walk' ? '步行约' : '骑电动车约')
  })

  it('a 综合体 serves 2 km whatever the travel time', () => {
    const complex = station({ name: '蓝田养老服务综合体', kind: 'complex', circleMeters: 2000 })
    expect(assessCircle(complex, at(1990))).toMatchObject({ withinCircle: true, travelMinutes: 35 })
    expect(assessCircle(complex, at(2010)).withinCircle).toBe(false)
    expect(assessCircle(complex, at(2400)).explanation).toBe('蓝田养老服务综合体，步行约 42 分钟（约 2.4 公里）')
  })

  it('a published polygon overrides minutes and metres', () => {
    // A long thin strip to the north-east: 3 km out along 45°, 200 m wide.
    const end = at(3000, 45)
    const corners = [destination(CENTRE, 100, 315), destination(CENTRE, 100, 135), destination(end, 100, 135), destination(end, 100, 315)]
    const strip = corners.map((p) => [p.lat, p.lng] as [number, number])
    const s = station({ circlePolygon: strip })
    expect(assessCircle(s, at(2500, 45)).withinCircle).toBe(true) // 29 minutes away, but inside the strip
    expect(assessCircle(s, at(300, 225)).withinCircle).toBe(false) // 5 minutes away, but behind the station
    expect(assessCircle({ ...s, kind: 'complex', circleMeters: 5000 }, at(1000, 180)).withinCircle).toBe(false)
  })

  it('a polygon with fewer than 3 points is ignored', () => {
    const s = station({ circlePolygon: [[CENTRE.lat, CENTRE.lng], [CENTRE.lat + 1, CENTRE.lng]] })
    expect(assessCircle(s, at(500)).withinCircle).toBe(true)
  })

  const circleStation = fc.record({
    kind: fc.constantFrom('station' as const, 'complex' as const),
    travelMode: fc.constantFrom('walk' as const, 'ebike' as const),
    speedMetersPerMinute: fc.integer({ min: 40, max: 400 }),
    detourPermille: fc.integer({ min: 1000, max: 2000 }),
    circleMinutes: fc.integer({ min: 5, max: 30 }),
    circleMeters: fc.integer({ min: 500, max: 5000 }),
  })

  it('is monotone: nearer along the same bearing is never outside when further is inside, nor slower', () => {
    fc.assert(
      fc.property(circleStation, fc.double({ min: 0, max: 360, noNaN: true }), fc.integer({ min: 0, max: 8000 }), fc.integer({ min: 0, max: 8000 }), (props, bearing, d1, d2) => {
        const s = station(props)
        const near = assessCircle(s, at(Math.min(d1, d2), bearing))
        const far = assessCircle(s, at(Math.max(d1, d2), bearing))
        if (far.withinCircle) expect(near.withinCircle).toBe(true)
        expect(near.travelMinutes).toBeLessThanOrEqual(far.travelMinutes)
        expect(near.distanceMeters).toBeLessThanOrEqual(far.distanceMeters)
      }),
    )
  })
})

describe('pointInPolygon and describeDistance', () => {
  const square: [number, number][] = [[0, 0], [0, 1], [1, 1], [1, 0]]
  it.each([
    [{ lat: 0.5, lng: 0.5 }, true],
    [{ lat: 1.5, lng: 0.5 }, false],
    [{ lat: 0.5, lng: -0.1 }, false],
  ])('%j in the unit square: %s', (p, inside) => {
    expect(pointInPolygon(p, square)).toBe(inside)
  })

  it.each([
    [0, '约 10 米'],
    [4, '约 10 米'],
    [654, '约 650 米'],
    [996, '约 1000 米'],
    [1000, '约 1.0 公里'],
    [2349, '约 2.3 公里'],
  ])('%i m → %s', (m, text) => {
    expect(describeDistance(m)).toBe(text)
  })
})
