import path from 'node:path'
import { sql } from 'drizzle-orm'
import { startTestApp, bearer, type TestApp } from '../helpers/test-app'
import { SCREENSHOT_DIR, launchBrowser, visible, type Browser } from '../helpers/browser'
import { everyWayOf } from '../helpers/every-way'
import { query } from '../helpers/booking'
import { DEMO_PHONES } from '../../server/src/seed/seed-demo'

/**
 * Issue 15 #6 in the browser: 60 profiles waiting to be confirmed in station 1's circle. 待确认的老人 used to show
 * 50 and hide the rest; it now shows the newest page and 加载更多 brings the others, in both modes at 375 and 320 px.
 */
const SIZES = [
  { width: 375, height: 812 },
  { width: 320, height: 568 },
] as const
const PENDING = 60

let app: TestApp
let browser: Browser
/** Every pending profile the worker may confirm (the seed's own and ours), counted through the API's pages. */
let total = 0
beforeAll(async () => {
  ;[app, browser] = await Promise.all([startTestApp({ h5: true }), launchBrowser()])
  const [s] = await query<{ lat: number; lng: number }>(app, sql`SELECT lat, lng FROM stations WHERE id = 1`)
  await query(app, sql`INSERT INTO users (role, name, phone) VALUES ('family', '建档家属', '13900031000')`)
  const token = await app.login('13900031000')
  for (let i = 0; i < PENDING; i++) {
    await app.request.post('/api/family/elders').set(bearer(token)).send({
      name: `待确认${String(i).padStart(2, '0')}号`, birthDate: '1946-05-01', address: '江阳区兴隆小区 3 栋 2 单元 501',
      home: { lat: s.lat + 0.001, lng: s.lng }, emergencyContact: { name: '赵强', phone: '13900000002' }, relation: '子女',
    }).expect(201)
  }
  const staff = await app.login(DEMO_PHONES.staffStation1)
  for (let cursor: string | null = '', pages = 0; cursor !== null && pages < 10; pages++) {
    const { body }: { body: { elders: unknown[]; nextCursor: string | null } } = await app.request.get(`/api/elders?status=pending${cursor ? `&cursor=${cursor}` : ''}`).set(bearer(staff)).expect(200)
    total += body.elders.length
    cursor = body.nextCursor
  }
  expect(total).toBeGreaterThanOrEqual(PENDING)
}, 120_000)
afterAll(async () => {
  await browser?.close()
  await app?.close()
})

const everyWay = everyWayOf({ app: () => app, browser: () => browser, prefix: 'pending-elders', sizes: SIZES, whole: '.nowrap, .choice-label, .bottom-nav-item' })

it('待确认的老人 pages with 加载更多 instead of hiding everyone past 50', async () => {
  await everyWay('list', DEMO_PHONES.staffStation1, '/#/pages-staff/pending-elders/index', 'load-more', async (page, mode) => {
    const shown = () => visible(page, 'confirm-elder').count()
    expect(await shown()).toBe(50)
    // The whole list is taller than a screenshot may be: this one shows the end of the first page and 加载更多.
    await visible(page, 'load-more').scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `pending-elders-more-${mode}-${page.viewportSize()?.width}.png`) })
    await visible(page, 'load-more').click()
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="confirm-elder"]').length > n, 50)
    expect(await shown()).toBe(total)
    expect(await visible(page, 'load-more').count()).toBe(0)
    expect(await page.locator('text=待确认00号').count()).toBeGreaterThan(0)
  })
})
