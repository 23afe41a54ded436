import { sql } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { startTestApp, type TestApp } from '../helpers/test-app'
import { rows } from '../helpers/test-database'
import { launchBrowser, openPage, screenshot, settle, type Browser, visible } from '../helpers/browser'
import { DEMO_PHONES, staffPhone } from '../../server/src/seed/seed-demo'

/** A resident books 居家保洁 from the home screen in three taps and finds it in 我的订单. */
let app: TestApp
let browser: Browser
beforeAll(async () => {
  ;[app, browser] = await Promise.all([startTestApp({ h5: true }), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await app?.close()
})


const loginAs = (phone: string) => app.session(phone)

describe.each([
  ['normal', false, DEMO_PHONES.elderLow, 2],
  ['care', true, DEMO_PHONES.elderPaid, 3],
])('booking in %s mode', (mode, careMode, phone, elderId) => {
  it('home → service → time → confirm shows the price and why → booked → 我的订单', async () => {
    const login = await loginAs(phone)
    const page = await openPage(browser, app.baseUrl, '/#/pages/home/index', { careMode, login })
    try {
      await screenshot(page, `booking-${mode}-1-home`)
      // Tap 1: the service tile.
      await visible(page, 'service-tile').filter({ hasText: '居家保洁' }).first().click()
      await visible(page, 'slot').first().waitFor()
      await settle(page)
      await screenshot(page, `booking-${mode}-2-time`)
      // Tap 2: the first slot that can really be served.
      await visible(page, 'slot').first().click()
      await visible(page, 'payable').waitFor()
      await settle(page)
      await screenshot(page, `booking-${mode}-3-confirm`)
      const payable = await visible(page, 'payable').innerText()
      expect(payable).toMatch(/您需支付 ¥\d+\.\d{2}/)
      expect(await visible(page, 'route-reach').innerText()).toMatch(/约 \d+ 分钟（约 [\d.]+ (米|公里)）/)
      // Tap 3: confirm — twice in a row, as a shaky hand would; still one order.
      const confirm = visible(page, 'confirm-booking')
      await confirm.click()
      await confirm.click({ force: true }).catch(() => {})
      await visible(page, 'booking-success').waitFor({ timeout: 45_000 }) // generous: CI shares two cores with the build and the database
      await settle(page)
      await screenshot(page, `booking-${mode}-4-booked`)

      const orders = await rows<{ id: number; payable_fen: number }>(app.database, sql`SELECT id, payable_fen FROM orders WHERE elder_id = ${elderId}`)
      expect(orders).toHaveLength(1)
      expect(payable).toContain(`¥${(orders[0].payable_fen / 100).toFixed(2)}`)

      await visible(page, 'nav-orders').click()
      await visible(page, 'order-item').first().waitFor()
      await settle(page)
      await screenshot(page, `booking-${mode}-5-my-orders`)
      const item = visible(page, 'order-item').first()
      expect(await item.innerText()).toContain('居家保洁')
      expect(await item.locator('[data-testid="order-status"]').getAttribute('data-status')).toBe('assigned')
    } finally {
      await page.close()
    }
  })
})

describe('the station side', () => {
  it('the serving station’s worker sees the order on the day of the visit and accepts it with one big button', async () => {
    const [order] = await rows<{ id: number; station_id: number; day: string }>(
      app.database,
      sql`SELECT id, station_id, DATE_FORMAT(CONVERT_TZ(slot_start, '+00:00', '+08:00'), '%Y-%m-%d') AS day FROM orders WHERE elder_id = 2`,
    )
    const page = await openPage(browser, app.baseUrl, '/#/pages-staff/orders/index', { careMode: false, login: await loginAs(staffPhone(order.station_id, 1)) })
    try {
      const today = await page.evaluate(() => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10))
      if (order.day !== today) await visible(page, 'staff-day').nth(1).click() // the visit is tomorrow
      const item = visible(page, 'order-item').first()
      await item.waitFor()
      await settle(page)
      await screenshot(page, 'staff-1-day')
      expect(await item.innerText()).toContain('李建国')
      await visible(page, 'action-accept').first().click()
      await page.locator('[data-testid="order-status"][data-status="accepted"]:visible').first().waitFor()
      await settle(page)
      await screenshot(page, 'staff-2-accepted')
      const [after] = await rows<{ status: string }>(app.database, sql`SELECT status FROM orders WHERE id = ${order.id}`)
      expect(after.status).toBe('accepted')
    } finally {
      await page.close()
    }
  })
})
