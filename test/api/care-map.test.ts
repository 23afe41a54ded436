/**
 * The care map over the seeded demo district (30 stations, 300 elders and one pending profile): the API's figures are the pure functions'
 * (server/scripts/care-map-figures.ts) on the same data; the map never sends a home or a cell of one; a suspended
 * station covers nobody; the what-if tool saves nothing.
 */
import { sql } from 'drizzle-orm'
import { startTestApp, bearer, type TestApp } from '../helpers/test-app'
import { createTestDatabase } from '../helpers/test-database'
import { expectError } from '../helpers/expect-error'
import { book, CLEANING, NOW, SLOT, query } from '../helpers/booking'
import { DEMO_PHONES } from '../../server/src/seed/seed-demo'
import { demoCareMapFigures } from '../../server/scripts/care-map-figures'

let app: TestApp
let now = NOW
let supervisor: string
const figures = demoCareMapFigures(NOW)
const get = (path: string) => app.request.get(path).set(bearer(supervisor))

beforeAll(async () => {
  app = await startTestApp({ db: await createTestDatabase({ elders: 300 }), clock: () => now })
  supervisor = await app.login(DEMO_PHONES.supervisor)
})
afterAll(async () => {
  await app?.close()
  await app?.testDb.drop()
})

describe('GET /api/care-map/coverage', () => {
  it('gives the demo district’s shares overall, by tier and by age band, as the pure functions do', async () => {
    const res = await get('/api/care-map/coverage').expect(200)
    const c = figures.coverage
    expect(res.body.overall).toEqual(c.overall)
    expect(res.body.overall.elders).toBe(301) // 300 elders and the pending profile 孙德福
    expect(res.body.overall.covered).toBeLessThan(300) // some homes are outside every circle
    for (const row of res.body.byTier) expect({ elders: row.elders, covered: row.covered, share: row.share }).toEqual(c.byTier[row.tier as 'free'])
    for (const row of res.body.byAgeBand) expect({ elders: row.elders, covered: row.covered, share: row.share }).toEqual(c.byAgeBand[row.band as '90_plus'])
    expect(res.body.byAgeBand.map((b: any) => b.label)).toEqual(['60 岁以下', '60–69 岁', '70–79 岁', '80–89 岁', '90 岁及以上'])
    expect(res.body.uncoveredClusters[0]).toEqual(figures.largest!.cell)
    const sent = res.body.uncoveredClusters.reduce((n: number, x: any) => n + x.count, 0)
    expect(sent + res.body.uncoveredHidden).toBe(figures.uncovered)
    expect(res.body.stations).toHaveLength(30)
  })

  it('counts a station’s orders of the last 30 days, and a suspended station covers nobody', async () => {
    const family = await app.login(DEMO_PHONES.family)
    const order = (await book(app, family, { elderId: 1, serviceId: CLEANING, slotStart: SLOT }).expect(201)).body
    now = new Date(new Date(SLOT).getTime() + 2 * 3600_000)
    const before = (await get('/api/care-map/coverage').expect(200)).body
    expect(before.stations.find((s: any) => s.id === order.station.id).orders30d).toBe(1)
    await query(app, sql`UPDATE stations SET status = 'suspended' WHERE id = 1`)
    app.deps.stationIndex.invalidate()
    const after = (await get('/api/care-map/coverage').expect(200)).body
    expect(after.stations.find((s: any) => s.id === 1)).toMatchObject({ status: 'suspended', eldersCovered: 0 })
    expect(after.overall.covered).toBeLessThanOrEqual(before.overall.covered)
    await query(app, sql`UPDATE stations SET status = 'active' WHERE id = 1`)
    app.deps.stationIndex.invalidate()
    now = NOW
  })

  it('narrows to a box, and a box with a side missing or upside down is a 400', async () => {
    const part = (await get('/api/care-map/coverage?south=28.86&west=105.42&north=28.89&east=105.46').expect(200)).body
    expect(part.overall.elders).toBeGreaterThan(0)
    expect(part.overall.elders).toBeLessThan(301)
    expectError(await get('/api/care-map/coverage?south=28.86'), 400, 'VALIDATION_FAILED')
    expectError(await get('/api/care-map/coverage?south=28.9&west=105.42&north=28.86&east=105.46'), 400, 'VALIDATION_FAILED')
  })
})

describe('GET /api/care-map/map', () => {
  it('sends stations with their circles and elders only as cells of two or more, never a home', async () => {
    const res = await get('/api/care-map/map').expect(200)
    const byId = new Map(res.body.stations.map((s: any) => [s.id, s]))
    expect(byId.get(1)).toMatchObject({ kind: 'station', radiusMeters: 865, polygon: null }) // 15 min × 75 m/min ÷ 1.3
    expect(byId.get(5)).toMatchObject({ kind: 'complex', radiusMeters: 2000 })
    expect(res.body.cells.every((c: any) => c.count >= 2)).toBe(true)
    expect(res.body.cells.reduce((n: number, c: any) => n + c.count, 0) + res.body.hidden).toBe(301)
    const homes = await query(app, sql`SELECT home_lat AS lat, home_lng AS lng FROM elders`)
    const numbers = new Set(JSON.stringify(res.body.cells).match(/-?\d+\.\d+/g)!.map(Number))
    for (const h of homes) expect(numbers.has(Number(h.lat)) && numbers.has(Number(h.lng))).toBe(false)
    expect(JSON.stringify(res.body)).not.toMatch(/address|name":"[^"]*(秀英|建国)/)
  })
})

describe('POST /api/care-map/what-if', () => {
  it('says what a station or complex at the largest uncovered cluster’s centre would take in, and computes the best point', async () => {
    const { cell } = figures.largest!
    const station = (await app.request.post('/api/care-map/what-if').set(bearer(supervisor)).send({ kind: 'station', point: cell.centre }).expect(200)).body
    expect(station).toMatchObject({ radiusMeters: 865, uncoveredBefore: figures.uncovered, candidate: { newlyCovered: figures.largest!.station.newlyCovered } })
    expect(station.best).toMatchObject({ newlyCovered: figures.best.station!.newlyCovered, point: figures.best.station!.point, exhaustive: true })
    expect(station.best.newlyCovered).toBeGreaterThanOrEqual(station.candidate.newlyCovered)
    const complex = (await app.request.post('/api/care-map/what-if').set(bearer(supervisor)).send({ kind: 'complex', point: cell.centre }).expect(200)).body
    expect(complex.candidate.newlyCovered).toBe(figures.largest!.complex.newlyCovered)
    expect(complex.candidate.shareAfter).toBeCloseTo((figures.coverage.overall.covered + complex.candidate.newlyCovered) / 301, 10)
    expect(Number((await query(app, sql`SELECT COUNT(*) AS n FROM stations`))[0].n)).toBe(30) // nothing saved
  })

  it('refuses an unknown kind or a point off the globe', async () => {
    expectError(await app.request.post('/api/care-map/what-if').set(bearer(supervisor)).send({ kind: 'hospital' }), 400, 'VALIDATION_FAILED')
    expectError(await app.request.post('/api/care-map/what-if').set(bearer(supervisor)).send({ kind: 'station', point: { lat: 91, lng: 0 } }), 400, 'VALIDATION_FAILED')
  })
})
