import { sql } from 'drizzle-orm'
import { businessDate } from '@carecircle/shared'
import { startTestApp, type TestApp } from '../helpers/test-app'
import { rows } from '../helpers/test-database'
import { launchBrowser, openPage, shot, type Browser } from '../helpers/browser'
import { brokenText } from '../helpers/layout'
import { DEMO_PHONES } from '../../server/src/seed/seed-demo'
import { book, CLEANING } from '../helpers/booking'

/**
 * An overcharged visit, as 张桂兰 (paid tier) reads it: the order says what was collected against the quote, and one
 * tap on 投诉收费 opens the complaint form on 收费问题 with the amount collected among the evidence.
 * The charge itself is recorded through the API in test/api/order-charge.test.ts; here it is written directly.
 */
const TOMORROW = businessDate(new Date(Date.now() + 24 * 3600_000))

let app: TestApp
let browser: Browser
let orderId: number
let payable: number
beforeAll(async () => {
  ;[app, browser] = await Promise.all([startTestApp({ h5: true }), launchBrowser()])
  const token = await app.login(DEMO_PHONES.elderPaid)
  const res = await book(app, token, { elderId: 3, serviceId: CLEANING, slotStart: `${TOMORROW}T10:00:00+08:00` })
  if (res.status !== 201) throw new Error(`booking failed: ${res.status} ${JSON.stringify(res.body)}`)
  orderId = res.body.id
  payable = res.body.price.payableFen
  await rows(app.database, sql`UPDATE orders SET status = 'completed', charged_fen = ${payable + 2000}, charge_flag = 'overcharge' WHERE id = ${orderId}`)
})
afterAll(async () => {
  await browser?.close()
  await app?.close()
})

const yuan = (fen: number) => (fen / 100).toFixed(2)

describe.each([
  { mode: 'normal', careMode: false },
  { mode: 'care', careMode: true },
])('an overcharged visit in $mode mode', ({ mode, careMode }) => {
  it.each([375, 320])('says what was collected and opens a fee complaint in one tap, at %i px', async (width) => {
    const login = await app.session(DEMO_PHONES.elderPaid)
    const page = await openPage(browser, app.baseUrl, `/#/pages/orders/detail/index?id=${orderId}`, { careMode, login, viewport: { width, height: 740 } })
    try {
      const charge = page.locator('[data-testid="order-charge"]:visible')
      await charge.waitFor()
      expect(await charge.innerText()).toBe(`⚠ 实收 ¥${yuan(payable + 2000)}，比预约时的 ¥${yuan(payable)} 多 ¥20.00`)
      expect(await brokenText(page, '[data-testid="order-charge"]')).toEqual([])
      await shot(page, `overcharge-${mode}-${width}-order`)

      await page.locator('[data-testid="complain-fee"]:visible').click()
      await page.locator('[data-testid="fee-evidence"]:visible').waitFor()
      expect(await page.locator('[data-testid="complaint-category"][aria-pressed="true"]:visible').getAttribute('data-value')).toBe('fee')
      expect(await page.locator('[data-testid="fee-evidence"]:visible').innerText()).toContain(`¥${yuan(payable + 2000)}`)
      await shot(page, `overcharge-${mode}-${width}-form`)
    } finally {
      await page.close()
    }
  })
})
