import { startTestApp, bearer, type TestApp } from '../helpers/test-app'
import { expectError } from '../helpers/expect-error'
import { DEMO_PHONES } from '../../server/src/seed/seed-demo'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app?.close())

const BASE = Date.parse('2026-06-01T01:00:00Z')
let inserted = 0
/** Finished orders straight into the table (finished orders hold no visit, so no uniqueness applies). Many share a slot: the id breaks ties. */
async function insertOrders(n: number, elderId = 1, stationId = 1, slotOf = (i: number) => new Date(BASE + (i % 40) * 3_600_000)) {
  const rows: unknown[][] = []
  for (let i = 0; i < n; i++, inserted++) {
    rows.push([elderId, 1, stationId, 1, 'completed', slotOf(inserted), 1, 'free', 3000, 0, 3000, 0, 0, '测试价格', '测试派单', '[]'])
  }
  await app.database.pool.query(
    `INSERT INTO orders (elder_id, service_id, station_id, booked_by, status, slot_start, price_version_id, tier, list_price_fen, tier_price_fen, subsidy_fen, payable_fen, hours_used_minutes, price_explanation, route_explanation, declined_station_ids) VALUES ?`,
    [rows],
  )
}

async function ids(where: string, params: unknown[] = []): Promise<number[]> {
  const [rows] = await app.database.pool.query(`SELECT id FROM orders WHERE ${where}`, params)
  return (rows as { id: number }[]).map((r) => Number(r.id))
}

interface Page { orders: { id: number; slotStart: string }[]; nextCursor: string | null }

/** Follows nextCursor to the end; `between` runs after each page (e.g. new orders arriving). */
async function pageAll(token: string, query: string, between?: (page: number) => Promise<void>) {
  const seen: Page['orders'] = []
  let cursor: string | null = null
  for (let page = 0; page < 200; page++) {
    const res = await app.request.get(`/api/orders?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`).set(bearer(token)).expect(200)
    const body = res.body as Page
    seen.push(...body.orders)
    cursor = body.nextCursor
    if (!cursor) return seen
    await between?.(page)
  }
  throw new Error('never reached the end')
}

const key = (o: { id: number; slotStart: string }) => [Date.parse(o.slotStart), o.id] as const
const sortedBy = (list: Page['orders'], dir: 1 | -1) =>
  list.every((o, i) => i === 0 || (([a, b]) => dir * (a[0] - b[0] || a[1] - b[1]) > 0)([key(o), key(list[i - 1])]))

describe('the order list is paged and never drops a row', () => {
  beforeAll(() => insertOrders(260))

  it('an elder with 260 orders sees every one, newest first, in pages of the size asked for', async () => {
    const token = await app.login(DEMO_PHONES.elderFree)
    const expected = await ids('elder_id = 1')
    expect(expected.length).toBeGreaterThan(250)
    const first = await app.request.get('/api/orders?limit=37').set(bearer(token)).expect(200)
    expect(first.body.orders).toHaveLength(37)
    expect(first.body.nextCursor).toEqual(expect.any(String))
    const seen = await pageAll(token, 'limit=37')
    expect(seen.map((o) => o.id).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b))
    expect(new Set(seen.map((o) => o.id)).size).toBe(seen.length)
    expect(sortedBy(seen, -1)).toBe(true)
  })

  it('a supervisor pages through everything with the default page size while new orders keep arriving: no duplicates, no gaps', async () => {
    const token = await app.login(DEMO_PHONES.supervisor)
    const before = await ids('TRUE')
    const seen = await pageAll(token, '', async (page) => {
      // Orders arrive at both ends and in the middle of what is still to come.
      await insertOrders(3, 1, 1, (i) => new Date(BASE + ((i * 7) % 50) * 3_600_000 + (page % 2 ? 1 : -1) * 86_400_000 * 30))
    })
    const seenIds = seen.map((o) => o.id)
    expect(new Set(seenIds).size).toBe(seenIds.length)
    const missing = before.filter((id) => !seenIds.includes(id))
    expect(missing).toEqual([])
    expect(sortedBy(seen, -1)).toBe(true)
  })

  it('a station’s day list reads in time order, earliest first, across pages', async () => {
    const token = await app.login(DEMO_PHONES.staffStation1)
    const seen = await pageAll(token, 'date=2026-06-01&limit=7')
    const expected = await ids("station_id = 1 AND slot_start >= '2026-05-31 16:00:00' AND slot_start < '2026-06-01 16:00:00'")
    expect(seen.map((o) => o.id).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b))
    expect(seen.length).toBeGreaterThan(7)
    expect(sortedBy(seen, 1)).toBe(true)
  })

  it('the last page says so: nextCursor null', async () => {
    const token = await app.login(DEMO_PHONES.elderLow)
    const res = await app.request.get('/api/orders').set(bearer(token)).expect(200)
    expect(res.body.nextCursor).toBeNull()
  })
})

describe('bad paging input is a 400', () => {
  let token: string
  beforeAll(async () => {
    token = await app.login(DEMO_PHONES.supervisor)
  })

  it.each(['garbage', 'dGhpcyBpcyBub3QgYSBjdXJzb3I', '%00', 'eyJ4IjoxfQ'])('cursor=%s → 400 CURSOR_INVALID', async (cursor) => {
    expectError(await app.request.get(`/api/orders?cursor=${cursor}`).set(bearer(token)), 400, 'CURSOR_INVALID')
  })

  it('a cursor from a list read the other way → 400 CURSOR_INVALID', async () => {
    await insertOrders(3)
    const res = await app.request.get('/api/orders?limit=1').set(bearer(token)).expect(200)
    expectError(await app.request.get(`/api/orders?status=unassigned&cursor=${res.body.nextCursor}`).set(bearer(token)), 400, 'CURSOR_INVALID')
  })

  it.each(['0', '101', '-1', 'abc', '1.5'])('limit=%s → 400 VALIDATION_FAILED', async (limit) => {
    expectError(await app.request.get(`/api/orders?limit=${limit}`).set(bearer(token)), 400, 'VALIDATION_FAILED')
  })
})
