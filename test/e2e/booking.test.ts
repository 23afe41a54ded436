import { sql } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { startTestApp, bearer, type TestApp } from '../helpers/test-app'
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

/**
 * Issue 15 #15: the supervisor suspends station 1. 王秀英 is told on 首页 and 附近驿站 that it has stopped taking
 * orders and why (not that she is outside its circle), and her help bar calls the station that serves her now —
 * or no station at all once every circle around her home is suspended.
 */
describe('a suspended station, as the resident next to it sees it', () => {
  const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}` // as the H5 help bar links it
  const REASON = '多次超标准收费，限期整改'
  it('says 已暂停接单 with the reason, and the help bar calls the station that now serves her', async () => {
    const supervisor = await app.login(DEMO_PHONES.supervisor)
    const mother = await app.login(DEMO_PHONES.elderFree)
    const suspend = (id: number, reason: string) => app.request.post(`/api/stations/${id}/suspend`).set(bearer(supervisor)).send({ reason, reroute: false })
    const { home } = (await app.request.get('/api/me').set(bearer(mother))).body.elders[0]
    const nearby = async () => (await app.request.get(`/api/stations/nearby?lat=${home.lat}&lng=${home.lng}`)).body.stations as { id: number; name: string; phone: string; withinCircle: boolean }[]
    const one = (await app.request.get('/api/stations/1/price-board')).body.station
    expect((await nearby()).find((s) => s.id === 1)?.withinCircle).toBe(true) // station 1's circle covers her home
    expect((await suspend(1, REASON)).status).toBe(200)
    const covering = (await nearby()).filter((s) => s.withinCircle)
    expect(covering.length).toBeGreaterThan(0)

    for (const [mode, careMode] of [['normal', false], ['care', true]] as const) {
      const page = await openPage(browser, app.baseUrl, '/#/pages/home/index', { careMode, login: await loginAs(DEMO_PHONES.elderFree) })
      try {
        await visible(page, 'call-station').waitFor()
        await settle(page)
        await screenshot(page, `suspended-${mode}-1-home`)
        const card = visible(page, 'nearest-station')
        expect(await card.innerText()).toContain(one.name)
        expect(await card.locator('[data-testid="station-circle"]').innerText()).toBe('已暂停接单')
        expect(await card.innerText()).toContain(`暂停原因：${REASON}`)
        expect(await page.locator('.page:visible').innerText()).not.toContain('不在服务圈内')
        // The help bar dials a station whose circle covers her and that takes orders — not station 1.
        const call = visible(page, 'call-station')
        const href = await call.getAttribute('href')
        expect(href).not.toBe(telHref(one.phone))
        const serving = covering.find((s) => telHref(s.phone) === href)
        expect(serving).toBeDefined()
        // …and 首页 names it under the suspended one.
        expect(await visible(page, 'serving-station').innerText()).toContain(serving!.name)

        await visible(page, 'all-stations').click()
        await visible(page, 'station-item').first().waitFor()
        await settle(page)
        await screenshot(page, `suspended-${mode}-2-stations`)
        const item = visible(page, 'station-item').filter({ hasText: one.name })
        expect(await item.locator('[data-testid="station-circle"]').innerText()).toBe('已暂停接单')
        expect(await item.innerText()).toContain(`暂停原因：${REASON}`)
        expect(await visible(page, 'call-station').getAttribute('href')).toBe(href)
      } finally {
        await page.close()
      }
    }

    // Every circle around her home suspended: the bar offers 12349 and her daughter, no station.
    for (const s of covering) expect((await suspend(s.id, '消防检查不合格')).status).toBe(200)
    const page = await openPage(browser, app.baseUrl, '/#/pages/home/index', { careMode: true, login: await loginAs(DEMO_PHONES.elderFree) })
    try {
      await visible(page, 'nearest-station').waitFor()
      await settle(page)
      await screenshot(page, 'suspended-care-3-none-serves')
      expect(await visible(page, 'call-hotline').count()).toBe(1)
      expect(await visible(page, 'call-family').count()).toBe(1)
      expect(await visible(page, 'call-station').count()).toBe(0)
    } finally {
      await page.close()
    }
    for (const s of [one, ...covering]) await app.request.post(`/api/stations/${s.id}/reinstate`).set(bearer(supervisor)).send({ reason: '整改完成' })
  })
})
