/**
 * The supervisor's 巡访计划 list pages with a cursor (issue 15 #6: lists page, they never cap): it used to answer at
 * most 5,000 plans and drop the rest without a word.
 */
import { sql } from 'drizzle-orm'
import { startTestApp, bearer, type TestApp } from '../helpers/test-app'
import { expectError } from '../helpers/expect-error'
import { query } from '../helpers/booking'
import { DEMO_PHONES } from '../../server/src/seed/seed-demo'

let app: TestApp
let token = ''
beforeAll(async () => {
  app = await startTestApp()
  token = await app.login(DEMO_PHONES.supervisor)
})
afterAll(() => app?.close())

const page = (q = '') => app.request.get(`/api/care-round-plans${q}`).set(bearer(token))

it('50 plans more: every plan in force is reachable page by page (20 a page), none twice, with the true total', async () => {
  const free = await query<{ id: number }>(app, sql`SELECT e.id FROM elders e WHERE NOT EXISTS (SELECT 1 FROM care_round_plans p WHERE p.elder_id = e.id AND p.ended_at IS NULL) ORDER BY e.id LIMIT 50`)
  expect(free).toHaveLength(50)
  for (const { id } of free) {
    await app.request.post('/api/care-round-plans').set(bearer(token)).send({ elderId: Number(id), reason: 'live_alone', mode: 'phone', everyDays: 7 }).expect(201)
  }
  const [{ n }] = await query<{ n: number }>(app, sql`SELECT COUNT(*) AS n FROM care_round_plans WHERE ended_at IS NULL`)
  const seen: number[] = []
  let cursor: string | null = null
  let pages = 0
  do {
    const res = await page(`?limit=20${cursor ? `&cursor=${cursor}` : ''}`)
    expect(res.status).toBe(200)
    expect(res.body.total).toBe(Number(n))
    expect(res.body.plans.length).toBeLessThanOrEqual(20)
    seen.push(...res.body.plans.map((p: { id: number }) => p.id))
    cursor = res.body.nextCursor
    pages++
  } while (cursor && pages < 10)
  expect(pages).toBeGreaterThanOrEqual(3)
  expect(new Set(seen).size).toBe(seen.length)
  expect(seen).toHaveLength(Number(n))
  const whole = (await page()).body // the default page (100) holds them all here
  expect([whole.plans.length, whole.nextCursor]).toEqual([Number(n), null])
  for (const bad of ['?cursor=x', '?limit=0', '?limit=500']) expectError(await page(bad), 400, 'VALIDATION_FAILED')
})
