import path from 'node:path'
import { sql } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { businessDate } from '@carecircle/shared'
import { startTestApp, bearer, type TestApp } from '../helpers/test-app'
import { rows } from '../helpers/test-database'
import { launchBrowser, openPage, SCREENSHOT_DIR, shot, visible, type Browser } from '../helpers/browser'
import { brokenText, coveredOrOffscreen } from '../helpers/layout'
import { everyWayOf, expectAgeFriendly, MODES } from '../helpers/every-way'
import { DEMO_PHONES, adminPhone } from '../../server/src/seed/seed-demo'
import { book, CLEANING } from '../helpers/booking'

/**
 * An overcharged visit, as 张桂兰 (paid tier) reads it (issue 15 items 16 and 17): the order list and the top of the
 * order say what was collected against the quote in words, with 投诉收费 right beside the warning on the first screen;
 * one tap on 投诉收费 and one on a ready-made reason file the complaint, nothing typed; from then on the order says the
 * complaint is open (投诉收费 becomes 查看投诉, a second complaint is stopped before the form) and, once the station
 * refunds, how much came back, with a link to the complaint.
 * The charge itself is recorded through the API in test/api/order-charge.test.ts; here it is written directly.
 */
const TOMORROW = businessDate(new Date(Date.now() + 24 * 3600_000))
const FIRST_SCREEN = { width: 375, height: 667 }
const SIZES = [FIRST_SCREEN, { width: 320, height: 568 }] as const

let app: TestApp
let browser: Browser
/** One overcharged order per mode: each files its own fee complaint. */
const orders: Record<string, number> = {}
let payable: number
beforeAll(async () => {
  ;[app, browser] = await Promise.all([startTestApp({ h5: true }), launchBrowser()])
  const token = await app.login(DEMO_PHONES.elderPaid)
  for (const [mode, hour] of [['normal', '10'], ['care', '14']] as const) {
    const res = await book(app, token, { elderId: 3, serviceId: CLEANING, slotStart: `${TOMORROW}T${hour}:00:00+08:00` })
    if (res.status !== 201) throw new Error(`booking failed: ${res.status} ${JSON.stringify(res.body)}`)
    orders[mode] = res.body.id
    payable = res.body.price.payableFen
    await rows(app.database, sql`UPDATE orders SET status = 'completed', charged_fen = ${payable + 2000}, charge_flag = 'overcharge' WHERE id = ${res.body.id}`)
  }
})
afterAll(async () => {
  await browser?.close()
  await app?.close()
})

const yuan = (fen: number) => (fen / 100).toFixed(2)
const WHOLE = '[data-testid="order-flag"], [data-testid="order-problem"], [data-testid="complain-fee"], [data-testid="open-complaint"], [data-testid="complaint-reason"]'
const everyWay = everyWayOf({ app: () => app, browser: () => browser, prefix: 'overcharge', sizes: SIZES, whole: WHOLE })
const detailOf = (id: number) => `/#/pages/orders/detail/index?id=${id}`
const cardOf = (page: Page, id: number) => page.locator(`[data-testid="order-item"][data-order-id="${id}"]:visible`)

/** The first screen as the eye sees it (the full-page shots stretch the viewport). */
async function firstScreen(page: Page, name: string) {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) })
}

describe('an overcharged visit, before any complaint', () => {
  it('the list card says in words that too much was collected, not only a green 已完成', async () => {
    await everyWay('list', DEMO_PHONES.elderPaid, '/#/pages/orders/index', 'order-item', async (page) => {
      const flag = cardOf(page, orders.normal!).locator('[data-testid="order-flag"]')
      expect(await flag.innerText()).toBe(`⚠ 多收了 ¥20.00`)
    })
  })

  it('the order detail opens on the warning with 投诉收费 beside it: both on the first screen, in both modes and sizes', async () => {
    await everyWay('detail', DEMO_PHONES.elderPaid, detailOf(orders.normal!), 'order-problem', async (page, mode) => {
      const problem = await visible(page, 'order-problem').innerText()
      expect(problem).toContain('多收了 ¥20.00')
      expect(problem).toContain(`实收 ¥${yuan(payable + 2000)}，比预约时的 ¥${yuan(payable)} 多 ¥20.00`)
      expect(await visible(page, 'complain-fee').innerText()).toBe('投诉收费')
      expect(await coveredOrOffscreen(page, ['[data-testid="order-problem"]', '[data-testid="complain-fee"]'])).toEqual([])
      await firstScreen(page, `overcharge-detail-first-screen-${mode}-${page.viewportSize()!.width}`)
    })
  })
})

describe.each(MODES)('$mode mode: a fee complaint with nothing typed, then what the order says', ({ mode, careMode, rules }) => {
  let complaintId: number

  it('投诉收费, one ready-made reason, 提交投诉: filed without typing', async () => {
    const login = await app.session(DEMO_PHONES.elderPaid)
    const page = await openPage(browser, app.baseUrl, detailOf(orders[mode]!), { careMode, login, viewport: FIRST_SCREEN })
    try {
      await visible(page, 'complain-fee').click()
      await visible(page, 'complaint-reason').first().waitFor()
      expect(await page.locator('[data-testid="complaint-category"][aria-pressed="true"]:visible').getAttribute('data-value')).toBe('fee')
      expect(await visible(page, 'fee-evidence').innerText()).toContain(`¥${yuan(payable + 2000)}`)
      await visible(page, 'complaint-reason').filter({ hasText: '多收了钱' }).click()
      expect(await visible(page, 'complaint-missing').count()).toBe(0)
      await shot(page, `overcharge-${mode}-form-reason-chosen`)
      expect(await brokenText(page, '[data-testid="complaint-reason"]')).toEqual([])
      await visible(page, 'submit-complaint').click()
      await visible(page, 'complaint-created').waitFor({ timeout: 20_000 })
      const [c] = await rows<{ id: number; category: string; content: string }>(app.database, sql`SELECT id, category, content FROM complaints WHERE order_id = ${orders[mode]!}`)
      expect(c).toMatchObject({ category: 'fee', content: '多收了钱' })
      complaintId = c!.id
    } finally {
      await page.close()
    }
  })

  it('the order says the complaint is open; 投诉收费 became 查看投诉; a second complaint is stopped before the form', async () => {
    const login = await app.session(DEMO_PHONES.elderPaid)
    const page = await openPage(browser, app.baseUrl, detailOf(orders[mode]!), { careMode, login, viewport: FIRST_SCREEN })
    try {
      await visible(page, 'order-problem').waitFor()
      expect(await visible(page, 'order-problem').innerText()).toContain('已投诉，驿站处理中')
      expect(await visible(page, 'complain-fee').count()).toBe(0)
      expect(await visible(page, 'open-complaint').innerText()).toBe('查看投诉')
      expect(await coveredOrOffscreen(page, ['[data-testid="open-complaint"]'])).toEqual([])
      await shot(page, `overcharge-${mode}-detail-complained`)
      await expectAgeFriendly(page, rules, WHOLE)
      // 投诉这单服务: says at once, at the top, that a fee complaint is open, with the way to it; 收费问题 then
      // leaves no form to fill in vain.
      await visible(page, 'complain-order').click()
      const open = visible(page, 'complaint-open')
      await open.waitFor()
      expect(await open.innerText()).toContain(`收费问题投诉（第 ${complaintId} 号）：已投诉，驿站处理中`)
      expect(await coveredOrOffscreen(page, ['[data-testid="complaint-open"] [data-testid="open-complaint"]'])).toEqual([])
      await visible(page, 'complaint-category').filter({ hasText: '收费问题' }).click()
      expect(await visible(page, 'complaint-open-chosen').innerText()).toContain(`第 ${complaintId} 号`)
      expect(await visible(page, 'submit-complaint').count()).toBe(0)
      expect(await visible(page, 'complaint-description-input').count()).toBe(0)
      await shot(page, `overcharge-${mode}-second-complaint`)
      await expectAgeFriendly(page, rules, WHOLE)
      await open.locator('[data-testid="open-complaint"]').click()
      await page.locator(`[data-testid="complaint-view"]:visible`).waitFor()
      expect(page.url()).toContain(`id=${complaintId}`)
    } finally {
      await page.close()
    }
  })

  it('after the station refunds, the order and its list card say how much came back, with a link to the complaint', async () => {
    const stationId = (await rows<{ station_id: number }>(app.database, sql`SELECT station_id FROM complaints WHERE id = ${complaintId}`))[0]!.station_id
    const admin = await app.login(adminPhone(stationId))
    expect((await app.request.post(`/api/complaints/${complaintId}/respond`).set(bearer(admin)).send({})).status).toBe(200)
    expect((await app.request.post(`/api/complaints/${complaintId}/resolve`).set(bearer(admin)).send({ message: '多收的 20 元已当面退还', refundFen: 2000 })).status).toBe(200)

    const login = await app.session(DEMO_PHONES.elderPaid)
    const page = await openPage(browser, app.baseUrl, '/#/pages/orders/index', { careMode, login, viewport: FIRST_SCREEN })
    try {
      const card = cardOf(page, orders[mode]!)
      await card.waitFor()
      expect(await card.locator('[data-testid="order-flag"]').innerText()).toContain('已退款 ¥20.00')
      await card.click()
      await visible(page, 'order-problem').waitFor()
      expect(await visible(page, 'order-problem').innerText()).toContain('已退款 ¥20.00')
      expect(await visible(page, 'complain-fee').count()).toBe(0)
      await shot(page, `overcharge-${mode}-detail-refunded`)
      await visible(page, 'open-complaint').click()
      await page.locator(`[data-testid="complaint-view"]:visible`).waitFor()
      expect(page.url()).toContain(`id=${complaintId}`)
    } finally {
      await page.close()
    }
  })
})

describe('after the complaints', () => {
  it('list and detail with an open complaint and with a refund pass every age-friendly check', async () => {
    await everyWay('list-after', DEMO_PHONES.elderPaid, '/#/pages/orders/index', 'order-flag')
    await everyWay('detail-refunded', DEMO_PHONES.elderPaid, detailOf(orders.normal!), 'open-complaint')
  })

  it('the supervisor’s monthly reconciliation shows the refunds, in the totals and in each station’s subtotal', async () => {
    const month = TOMORROW.slice(0, 7)
    await everyWay('supervisor-subsidy', DEMO_PHONES.supervisor, '/#/pages-supervisor/subsidy/index', 'subsidy-totals', async (page) => {
      const choice = page.locator(`[data-testid="report-month"][data-value="${month}"]:visible`)
      if ((await choice.count()) === 0) return // tomorrow is in a month the page does not offer yet
      await choice.click()
      await visible(page, 'subsidy-totals').waitFor()
      await page.waitForLoadState('networkidle')
      expect(await visible(page, 'subsidy-totals').locator('[data-testid="subsidy-refunded"]').getAttribute('data-fen')).toBe('4000')
      expect(await visible(page, 'subsidy-totals').innerText()).toMatch(/投诉退款\s*¥40\.00/)
      const subtotals = await visible(page, 'subsidy-station').locator('[data-testid="subsidy-refunded"]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-fen'))))
      expect(subtotals.reduce((a, b) => a + b, 0)).toBe(4000)
    })
  })
})
