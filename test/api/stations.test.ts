import { sql } from 'drizzle-orm'
import { startTestApp, type TestApp } from '../helpers/test-app'
import { rows } from '../helpers/test-database'
import { expectError } from '../helpers/expect-error'
import { DISTRICT_CENTRE } from '../../server/src/seed/demo-data'
import { greatCircleMeters } from '../../server/src/stations/service-circle'

// The board depends on "today"; the test moves it. The default is the demo's present, November 2026.
const TODAY = new Date('2026-11-23T10:00:00+08:00')
let now = TODAY
let app: TestApp
beforeAll(async () => {
  app = await startTestApp({ clock: () => now })
})
afterEach(() => {
  now = TODAY
})
afterAll(() => app?.close())

interface NearbyStation {
  id: number
  kind: 'station' | 'complex'
  lat: number
  lng: number
  distanceMeters: number
  travelMinutes: number
  withinCircle: boolean
  explanation: string
}

const nearby = (query: Record<string, string | number>) => app.request.get('/api/stations/nearby').query(query)

describe('GET /api/stations/nearby', () => {
  it('lists stations nearest first with distance, travel time and whether the point is in each circle', async () => {
    const res = await nearby(DISTRICT_CENTRE).expect(200)
    expect(res.body.hotline).toBe('12349')
    const stations = res.body.stations as NearbyStation[]
    expect(stations.length).toBeGreaterThan(1)
    const distances = stations.map((s) => s.distanceMeters)
    expect(distances).toEqual([...distances].sort((a, b) => a - b))
    // Station 1 stands at the district centre.
    expect(stations[0]).toMatchObject({ id: 1, withinCircle: true })
    expect(stations[0].distanceMeters).toBeLessThan(5)
    for (const s of stations) {
      expect(Number.isInteger(s.distanceMeters) && Number.isInteger(s.travelMinutes)).toBe(true)
      expect(s.travelMinutes).toBeGreaterThanOrEqual(1)
      expect(Math.abs(s.distanceMeters - greatCircleMeters(DISTRICT_CENTRE, s))).toBeLessThanOrEqual(1)
      // Seeded circles: 驿站 15 minutes, 综合体 2 km (no polygons).
      expect(s.withinCircle).toBe(s.kind === 'complex' ? s.distanceMeters <= 2000 : s.travelMinutes <= 15)
      expect(s.explanation).toMatch(/^.+(驿站|综合体)，(步行|骑电动车|驾车)约 \d+ 分钟（约 [\d.]+ (米|公里)）$/)
    }
    expect(stations.some((s) => !s.withinCircle)).toBe(true)
  })

  it('honours limit', async () => {
    const res = await nearby({ ...DISTRICT_CENTRE, limit: 3 }).expect(200)
    expect(res.body.stations).toHaveLength(3)
  })

  it('a home 20 km out of town is inside no circle', async () => {
    const res = await nearby({ lat: DISTRICT_CENTRE.lat + 0.18, lng: DISTRICT_CENTRE.lng }).expect(200)
    const stations = res.body.stations as NearbyStation[]
    expect(stations.length).toBeGreaterThan(0)
    for (const s of stations) {
      expect(s.withinCircle).toBe(false)
      expect(s.distanceMeters).toBeGreaterThan(10_000)
    }
  })

  it('a point on the other side of the country has no nearby station', async () => {
    const res = await nearby({ lat: 39.9042, lng: 116.4074 }).expect(200)
    expect(res.body.stations).toEqual([])
  })

  it.each([
    ['missing lat', '?lng=105.44'],
    ['missing lng', '?lat=28.88'],
    ['no query at all', ''],
    ['empty lat', '?lat=&lng=105.44'],
    ['blank lng', '?lat=28.88&lng=%20'],
    ['lat abc', '?lat=abc&lng=105.44'],
    ['lat 95', '?lat=95&lng=105.44'],
    ['lng -200', '?lat=28.88&lng=-200'],
    ['lat NaN', '?lat=NaN&lng=105.44'],
    ['lat Infinity', '?lat=Infinity&lng=105.44'],
    ['lat in exponent form', '?lat=1e1&lng=105.44'],
    ['lat given twice', '?lat=28.88&lat=28.89&lng=105.44'],
    ['limit 0', '?lat=28.88&lng=105.44&limit=0'],
    ['limit 51', '?lat=28.88&lng=105.44&limit=51'],
    ['limit abc', '?lat=28.88&lng=105.44&limit=abc'],
  ])('%s → 400 VALIDATION_FAILED with a Chinese message', async (_, query) => {
    expectError(await app.request.get(`/api/stations/nearby${query}`), 400, 'VALIDATION_FAILED')
  })

  it('names the bad parameter in the message', async () => {
    const res = await app.request.get('/api/stations/nearby?lat=95&lng=105.44')
    expect(res.body.error.message).toContain('纬度')
  })
})

interface BoardItem {
  serviceId: number
  name: string
  unit: string
  content: string
  freeFen: number
  lowFen: number
  paidFen: number
}

/** Station 1's price versions as stored, oldest first. */
const versionsOfStationOne = () =>
  rows<{ id: number; effective: string }>(
    app.database,
    sql`SELECT id, DATE_FORMAT(CONVERT_TZ(effective_from, '+00:00', '+08:00'), '%Y-%m-%d') AS effective FROM price_versions WHERE station_id = 1 ORDER BY effective_from`,
  )

const itemsOfVersion = (versionId: number) =>
  rows<{ service_id: number; free_fen: number; low_fen: number; paid_fen: number; content: string }>(
    app.database,
    sql`SELECT service_id, free_fen, low_fen, paid_fen, content FROM price_items WHERE price_version_id = ${versionId} ORDER BY service_id`,
  )

describe('GET /api/stations/:id/price-board', () => {
  it('is public: operator, licence, complaint channels with 12349, effective date and every item in fen', async () => {
    const res = await app.request.get('/api/stations/1/price-board').expect(200)
    const [op] = await rows<{ name: string; licence_no: string }>(
      app.database,
      sql`SELECT o.name, o.licence_no FROM operators o JOIN stations s ON s.operator_id = o.id WHERE s.id = 1`,
    )
    expect(res.body.station).toMatchObject({ id: 1, name: expect.stringMatching(/驿站$/) })
    expect(res.body.operator).toMatchObject({ name: op.name, licenceNo: op.licence_no })
    expect(res.body.operator.licenceNo).toMatch(/^[0-9A-Z]{18}$/)
    expect(res.body.complaintChannels).toEqual({ inApp: true, stationPhone: res.body.station.phone, hotline: '12349' })
    expect(res.body.version.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/)
    const items = res.body.items as BoardItem[]
    expect(items.length).toBeGreaterThanOrEqual(12)
    for (const i of items) {
      for (const fen of [i.freeFen, i.lowFen, i.paidFen]) expect(Number.isInteger(fen) && fen >= 0).toBe(true)
      // Nobody in a lower tier pays more than the standard price.
      expect(i.freeFen).toBeLessThanOrEqual(i.lowFen)
      expect(i.lowFen).toBeLessThanOrEqual(i.paidFen)
      expect(i.unit).not.toBe('')
      expect(i.content).not.toBe('')
    }
  })

  it('shows exactly the prices stored for the version in force', async () => {
    const res = await app.request.get('/api/stations/1/price-board').expect(200)
    const stored = await itemsOfVersion(res.body.version.id)
    const shown = (res.body.items as BoardItem[]).map((i) => ({ service_id: i.serviceId, free_fen: i.freeFen, low_fen: i.lowFen, paid_fen: i.paidFen, content: i.content }))
    expect(shown.sort((a, b) => a.service_id - b.service_id)).toEqual(stored)
  })

  it('keeps history: of 2025, 2026 and the announced 2027 prices, November 2026 shows 2026', async () => {
    const versions = await versionsOfStationOne()
    expect(versions.map((v) => v.effective)).toEqual(['2025-06-01', '2026-01-01', '2027-01-01'])
    const res = await app.request.get('/api/stations/1/price-board').expect(200)
    expect(res.body.version).toMatchObject({ id: versions[1].id, effectiveFrom: '2026-01-01T00:00:00+08:00' })
  })

  it.each([
    ['2025-12-31T23:59:59+08:00', 0],
    ['2026-01-01T00:00:00+08:00', 1],
    ['2027-01-01T00:00:00+08:00', 2],
  ])('at %s the version in force is number %i', async (at, index) => {
    now = new Date(at)
    const versions = await versionsOfStationOne()
    const res = await app.request.get('/api/stations/1/price-board').expect(200)
    expect(res.body.version.id).toBe(versions[index].id)
  })

  it('before any published version → 404 NO_PRICE_PUBLISHED', async () => {
    now = new Date('2020-01-01T00:00:00+08:00')
    expectError(await app.request.get('/api/stations/2/price-board'), 404, 'NO_PRICE_PUBLISHED')
  })

  it.each(['9999', '9007199254740991'])('unknown station %s → 404 NOT_FOUND', async (id) => {
    expectError(await app.request.get(`/api/stations/${id}/price-board`), 404, 'NOT_FOUND')
  })

  it.each(['x;drop', '0', '-1', '1.5', '01', '1e3', '%27%20OR%201%3D1', '99999999999999999', '9999999999999999'])('station id %s → 400 VALIDATION_FAILED', async (id) => {
    expectError(await app.request.get(`/api/stations/${id}/price-board`), 400, 'VALIDATION_FAILED')
  })

  it('a path that is not valid percent-encoding is a 4xx, not a 500', async () => {
    const res = await app.request.get('/api/stations/%E0%A4%A/price-board')
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    expect(res.body.error.code).toEqual(expect.any(String))
  })
})
