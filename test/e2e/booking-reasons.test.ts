import { sql } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { businessDate } from '@carecircle/shared'
import { startTestApp, type TestApp } from '../helpers/test-app'
import { rows } from '../helpers/test-database'
import { launchBrowser, openPage, screenshot, settle, type Browser, visible } from '../helpers/browser'
import { RULES, axeViolations, smallTargets, smallText } from '../helpers/age-friendly'
import { book, CLEANING } from '../helpers/booking'
import { DEMO_PHONES } from '../../server/src/seed/seed-demo'

/**
 * The time page tells the truth before offering a time: a home outside every circle is told so (nearest station,
 * how far, 12349) on the menu and the time page; a visit the elder already holds says "已预约" and opens that order;
 * a day with no time says its real reason, never "约满" when nobody works then.
 */
const BATHING = 4 // 上门助浴: the test closes it everywhere (capacity 0) to check the "no one works then" reason
const TOMORROW = businessDate(new Date(Date.now() + 24 * 3600_000))
const HELD = `${TOMORROW}T11:00:00+08:00`
const ESCORT = 5 // 陪同就医, 2 hours
const DAY_AFTER = businessDate(new Date(Date.now() + 2 * 24 * 3600_000))

let app: TestApp
let browser: Browser
beforeAll(async () => {
  ;[app, browser] = await Promise.all([startTestApp({ h5: true }), launchBrowser()])
  await rows(app.database, sql`UPDATE capacity_rules SET capacity = 0 WHERE category = 'bathing'`)
})
afterAll(async () => {
  await browser?.close()
  await app?.close()
})


const loginAs = (phone: string) => app.session(phone)

async function open(path: string, phone: string, careMode: boolean, width: number): Promise<Page> {
  const page = await openPage(browser, app.baseUrl, path, { careMode, login: await loginAs(phone) })
  await page.setViewportSize({ width, height: 844 })
  await settle(page)
  return page
}

/** The brief's age-friendly rules on what is on screen, plus: nothing sticks out sideways, numbers never wrap. */
async function expectAgeFriendly(page: Page, careMode: boolean) {
  const rules = careMode ? RULES.care : RULES.normal
  // A row that scrolls sideways (选时间's days) holds what is past the edge: scrolled away, not sticking out.
  const overflow = await page.evaluate(() => {
    const inScroller = (el: Element) => {
      for (let e = el.parentElement; e; e = e.parentElement) if (['auto', 'scroll'].includes(getComputedStyle(e).overflowX)) return true
      return false
    }
    return Array.from(document.querySelectorAll('.page:not([style*="display: none"]) *'))
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && el.checkVisibility() && !inScroller(el))
      .map((el) => el.textContent?.slice(0, 30))
  })
  // A number wrapped when its boxes sit on more than one line (several boxes on one line are fine).
  const wrapped = await page.evaluate(() =>
    Array.from(document.querySelectorAll('.num'))
      .filter((el) => el.checkVisibility() && new Set(Array.from(el.getClientRects(), (r) => Math.round(r.bottom))).size > 1)
      .map((el) => el.textContent),
  )
  // …nor stick out of the button they label.
  const outOfButton = await page.evaluate(() =>
    Array.from(document.querySelectorAll('.choice .num'))
      .filter((el) => el.checkVisibility() && el.getBoundingClientRect().right > (el.closest('.choice') as Element).getBoundingClientRect().right)
      .map((el) => el.textContent),
  )
  expect({
    axe: await axeViolations(page),
    small: await smallText(page, rules.minFontPx),
    targets: await smallTargets(page, rules.minTargetPx),
    overflow,
    wrapped,
    outOfButton,
  }).toEqual({ axe: [], small: [], targets: [], overflow: [], wrapped: [], outOfButton: [] })
}

const CASES = [
  { mode: 'normal', careMode: false, width: 375 },
  { mode: 'normal', careMode: false, width: 320 },
  { mode: 'care', careMode: true, width: 375 },
  { mode: 'care', careMode: true, width: 320 },
] as const

describe.each(CASES)('$mode mode at $width px', ({ mode, careMode, width }) => {
  it('陈德明 (outside every circle) is told why on the menu and the time page, with the nearest station, how far, and 12349 — no times', async () => {
    const menu = await open('/#/pages/services/index', DEMO_PHONES.elderOutside, careMode, width)
    try {
      const notice = visible(menu, 'outside-circle')
      await notice.waitFor()
      await screenshot(menu, `reasons-outside-services-${mode}-${width}`)
      await expectOutsideCircle(menu)
      await expectAgeFriendly(menu, careMode)
    } finally {
      await menu.close()
    }
    const time = await open(`/#/pages/book/time/index?serviceId=${CLEANING}`, DEMO_PHONES.elderOutside, careMode, width)
    try {
      await visible(time, 'outside-circle').waitFor()
      await screenshot(time, `reasons-outside-time-${mode}-${width}`)
      await expectOutsideCircle(time)
      expect(await visible(time, 'slot').count()).toBe(0)
      expect(await visible(time, 'day').count()).toBe(0)
      expect(await time.locator('.page:visible').innerText()).not.toContain('约满')
      await expectAgeFriendly(time, careMode)
    } finally {
      await time.close()
    }
  })

  it('a visit the elder already holds says 已预约 in words, is not offered again, and opens that order', async () => {
    const phone = careMode ? DEMO_PHONES.elderPaid : DEMO_PHONES.elderLow
    const elderId = careMode ? 3 : 2
    let [held] = await rows<{ id: number }>(app.database, sql`SELECT id FROM orders WHERE elder_id = ${elderId} AND status = 'assigned'`)
    if (!held) {
      const res = await book(app, await app.login(phone), { elderId, serviceId: CLEANING, slotStart: HELD })
      expect(res.status).toBe(201)
      held = { id: res.body.id }
    }
    const page = await open(`/#/pages/book/time/index?serviceId=${CLEANING}`, phone, careMode, width)
    try {
      await page.locator(`[data-testid="day"][data-value="${TOMORROW}"]:visible`).click()
      const heldSlot = page.locator(`[data-testid="slot-held"][data-value="${HELD}"]:visible`)
      await heldSlot.waitFor()
      await settle(page)
      await screenshot(page, `reasons-held-time-${mode}-${width}`)
      expect(await heldSlot.innerText()).toContain('已预约')
      expect(await page.locator(`[data-testid="slot"][data-value="${HELD}"]:visible`).count()).toBe(0)
      expect(await visible(page, 'slot').count()).toBeGreaterThan(0)
      await expectAgeFriendly(page, careMode)
      await heldSlot.click()
      await page.waitForURL(new RegExp(`orders/detail/index\\?id=${held.id}`))
      await settle(page)
      await visible(page, 'order-status').first().waitFor()
      await screenshot(page, `reasons-held-order-${mode}-${width}`)
      expect(await page.locator('.page:visible').innerText()).toContain('居家保洁')
    } finally {
      await page.close()
    }
  })

  it('a time another visit of hers takes stays in its place, greyed, not tappable, saying which visit in words', async () => {
    // 王秀英 has a 2-hour hospital escort the day after tomorrow at 10:00: no cleaning can start at 10:00 or 11:00.
    let [escort] = await rows<{ id: number }>(app.database, sql`SELECT id FROM orders WHERE elder_id = 1 AND service_id = ${ESCORT} AND status = 'assigned'`)
    if (!escort) {
      const res = await book(app, await app.login(DEMO_PHONES.elderFree), { elderId: 1, serviceId: ESCORT, slotStart: `${DAY_AFTER}T10:00:00+08:00` })
      expect(res.status).toBe(201)
      escort = { id: res.body.id }
    }
    const page = await open(`/#/pages/book/time/index?serviceId=${CLEANING}`, DEMO_PHONES.elderFree, careMode, width)
    try {
      await page.locator(`[data-testid="day"][data-value="${DAY_AFTER}"]:visible`).click()
      const blocked = page.locator('[data-testid="slot-overlaps"]:visible')
      await blocked.first().waitFor()
      await settle(page)
      await blocked.first().scrollIntoViewIfNeeded()
      await screenshot(page, `reasons-overlap-time-${mode}-${width}`)
      expect(await blocked.evaluateAll((els) => els.map((el) => el.getAttribute('data-value')))).toEqual([`${DAY_AFTER}T10:00:00+08:00`, `${DAY_AFTER}T11:00:00+08:00`])
      expect(await blocked.first().innerText()).toContain('不能约：这个时间您已约了陪同就医（10:00–12:00）')
      expect(await blocked.first().getAttribute('aria-disabled')).toBe('true')
      expect(await page.locator(`[data-testid="slot"][data-value="${DAY_AFTER}T10:00:00+08:00"]:visible`).count()).toBe(0)
      await expectAgeFriendly(page, careMode)
      // Playwright itself refuses to tap it (aria-disabled); forced, the tap still goes nowhere.
      await blocked.first().click({ force: true })
      await settle(page)
      expect(page.url()).toContain('book/time')
    } finally {
      await page.close()
    }
  })

  it('a service no station works at any time says so, and never "约满"', async () => {
    const page = await open(`/#/pages/book/time/index?serviceId=${BATHING}`, DEMO_PHONES.elderLow, careMode, width)
    try {
      await visible(page, 'day-reason').waitFor()
      await settle(page)
      await screenshot(page, `reasons-closed-time-${mode}-${width}`)
      const text = await page.locator('.page:visible').innerText()
      expect(text).not.toContain('约满')
      expect(await visible(page, 'day-reason').innerText()).toContain('不上门')
      expect(await visible(page, 'slot').count()).toBe(0)
      await expectAgeFriendly(page, careMode)
    } finally {
      await page.close()
    }
  })
})

async function expectOutsideCircle(page: Page) {
  const coverage = await app.request.get('/api/elders/4/coverage').set({ Authorization: `Bearer ${(await loginAs(DEMO_PHONES.elderOutside)).token}` })
  const nearest = coverage.body.outsideCircle.nearestStation
  const text = await visible(page, 'outside-circle').innerText()
  expect(text).toContain('15 分钟')
  expect(text).toContain(nearest.name)
  expect(text).toMatch(/（[\d.]+ (米|公里)）/)
  expect(text).toContain(`约 ${nearest.travelMinutes} 分钟`)
  expect(await page.locator('[data-testid="outside-circle"]:visible a[href="tel:12349"]').count()).toBe(1)
}
