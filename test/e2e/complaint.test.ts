import { sql } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { businessDate } from '@carecircle/shared'
import { startTestApp, type TestApp } from '../helpers/test-app'
import { rows } from '../helpers/test-database'
import { launchBrowser, openPage, shot, typeInto, visible, type Browser } from '../helpers/browser'
import { brokenText } from '../helpers/layout'
import { MODES, everyWayOf, expectAgeFriendly } from '../helpers/every-way'
import { DEMO_PHONES, adminPhone } from '../../server/src/seed/seed-demo'
import { book, CLEANING } from '../helpers/booking'

/**
 * A fee complaint from start to end, in the browser: 王秀英 files it from her order, the station admin
 * 受理 and 答复办结 with a refund, she is not satisfied and reopens it, the supervisor decides it from the desk.
 * Once in normal mode and once in 长辈版 (a second order), screenshots of every screen at 375 px (the form also at 320 px).
 */
const TOMORROW = businessDate(new Date(Date.now() + 24 * 3600_000))
const NARROW = { width: 375, height: 812 }
const SMALLEST = { width: 320, height: 568 }
// A 1×1 PNG: the server checks a photo's bytes, not its name.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

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



/** Opens a step, fills what it asks, sends it, and waits for the complaint to reach `status`. */
async function takeStep(page: Page, action: string, status: string, fill?: (page: Page) => Promise<void>) {
  await visible(page, `complaint-action-${action}`).click()
  await visible(page, `complaint-action-${action}-step`).waitFor()
  if (fill) await fill(page)
  await visible(page, `complaint-action-${action}-confirm`).click()
  await page.locator(`[data-testid="complaint-status"][data-status="${status}"]:visible`).waitFor({ timeout: 20_000 })
}

describe.each([
  { mode: 'normal', careMode: false, hour: '09', anonymous: false },
  { mode: 'care', careMode: true, hour: '14', anonymous: true },
])('a fee complaint in $mode mode', ({ mode, careMode, hour, anonymous }) => {
  let orderId: number
  let stationId: number
  let complaintId: number

  beforeAll(async () => {
    const token = await app.login(DEMO_PHONES.elderFree)
    const res = await book(app, token, { elderId: 1, serviceId: CLEANING, slotStart: `${TOMORROW}T${hour}:00:00+08:00` })
    if (res.status !== 201 && res.status !== 200) throw new Error(`booking failed: ${res.status} ${JSON.stringify(res.body)}`)
    orderId = res.body.id
    stationId = res.body.station.id
  })

  it('王秀英 files it from the order detail; the form shows what the server will attach', async () => {
    const login = await loginAs(DEMO_PHONES.elderFree)
    const page = await openPage(browser, app.baseUrl, `/#/pages/orders/detail/index?id=${orderId}`, { careMode, login, viewport: NARROW })
    try {
      await visible(page, 'complain-order').click()
      await visible(page, 'complaint-category').first().waitFor()
      await shot(page, `complaint-${mode}-1-form-375`)
      expect(await brokenText(page, '[data-testid="complaint-category"]')).toEqual([])
      await page.setViewportSize(SMALLEST)
      await shot(page, `complaint-${mode}-1-form-320`)
      // Labels and each phrase of a hint stay whole; a hint may wrap only between its phrases.
      expect(await brokenText(page, '[data-testid="complaint-category"]')).toEqual([])
      expect(await brokenText(page, '[data-testid="anonymous-yes"]')).toEqual([])
      await page.setViewportSize(NARROW)

      // Nothing can be sent before a category and five characters: the page says what is missing.
      expect(await visible(page, 'complaint-missing').innerText()).toContain('请先选一个投诉类别')
      await visible(page, 'complaint-category').filter({ hasText: '收费问题' }).click()
      const evidence = await visible(page, 'fee-evidence').innerText()
      expect(evidence).toMatch(/价格公示\s*第 \d+ 版/)
      expect(evidence).toContain('公示的无偿价格')
      // What she types is as big as the rest of the page (the text box's own text is no text node the age-friendly checks see).
      const typedPx = await visible(page, 'complaint-description-input').locator('textarea').evaluate((t) => parseFloat(getComputedStyle(t).fontSize))
      expect(typedPx).toBeGreaterThanOrEqual(careMode ? 24 : 18)
      await typeInto(page, 'complaint-description-input', '太贵')
      expect(await visible(page, 'description-count').innerText()).toContain('已写 2 个字')
      expect(await brokenText(page, '[data-testid="description-count"]')).toEqual([])
      expect(await visible(page, 'submit-complaint').getAttribute('aria-disabled')).toBe('true')
      await typeInto(page, 'complaint-description-input', '说好是免费的，服务员走的时候收了我 30 块钱。')
      if (anonymous) await visible(page, 'anonymous-yes').click()
      if (!anonymous) {
        const chooser = page.waitForEvent('filechooser')
        await visible(page, 'add-photo').click()
        await (await chooser).setFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: PNG })
        await visible(page, 'chosen-photo').waitFor()
      }
      await shot(page, `complaint-${mode}-2-form-filled`)
      await visible(page, 'submit-complaint').click()
      await visible(page, 'complaint-created').waitFor({ timeout: 20_000 })
      await shot(page, `complaint-${mode}-3-filed`)
      expect(await brokenText(page, '[data-testid="next-deadline"]')).toEqual([])

      const [c] = await rows<{ id: number; category: string; anonymous: number; evidence: unknown }>(
        app.database,
        sql`SELECT id, category, anonymous, evidence FROM complaints WHERE order_id = ${orderId}`,
      )
      complaintId = c.id
      expect(c.category).toBe('fee')
      expect(Boolean(c.anonymous)).toBe(anonymous)
      expect(c.evidence).not.toBeNull()
      expect(await visible(page, 'complaint-status').getAttribute('data-status')).toBe('submitted')
      expect(await visible(page, 'complaint-photo').count()).toBe(anonymous ? 0 : 1)
    } finally {
      await page.close()
    }
  })

  it('the station admin sees it with its deadline in words, 受理 and 答复办结 with a refund', async () => {
    const page = await openPage(browser, app.baseUrl, '/#/pages-staff/complaints/index', { careMode, login: await loginAs(adminPhone(stationId)), viewport: NARROW })
    try {
      const item = visible(page, 'complaint-item').filter({ hasText: `第 ${complaintId} 号投诉` })
      await item.waitFor()
      await shot(page, `complaint-${mode}-4-station-list`)
      expect(await item.locator('[data-testid="deadline-badge"]').innerText()).toMatch(/^(今天|明天) \d\d:\d\d 前受理$/)
      expect(await item.innerText()).toContain(anonymous ? '投诉人：匿名投诉人' : '投诉人：王秀英')
      await item.click()
      await visible(page, 'complaint-view').waitFor()
      await takeStep(page, 'respond', 'acknowledged')
      await takeStep(page, 'resolve', 'resolved', async (p) => {
        await typeInto(p, 'complaint-message', '核实是服务员收错了，已上门退还 30 元。')
        await typeInto(p, 'complaint-refund', '30')
        expect(await visible(p, 'complaint-action-resolve-step').innerText()).toContain('将记录退款 ¥30.00')
        await shot(p, `complaint-${mode}-5a-station-resolve-form`)
      })
      await shot(page, `complaint-${mode}-5-station-answered`)
      expect(await visible(page, 'complaint-refund-amount').innerText()).toBe('¥30.00')
      expect(await visible(page, 'complainant').innerText()).toBe(anonymous ? '匿名投诉人' : '王秀英（老人）')
    } finally {
      await page.close()
    }
  })

  it('王秀英 reads the answer from 我的消息 and reopens it with a reason', async () => {
    const page = await openPage(browser, app.baseUrl, '/#/pages/mine/index', { careMode, login: await loginAs(DEMO_PHONES.elderFree), viewport: NARROW })
    try {
      const messages = visible(page, 'my-messages')
      await messages.filter({ hasText: '条未读' }).waitFor()
      await shot(page, `complaint-${mode}-6-mine`)
      await messages.click()
      await visible(page, 'message-item').first().waitFor()
      await shot(page, `complaint-${mode}-7-messages`)
      const newest = visible(page, 'message-item').first()
      expect(await newest.innerText()).toContain('您的投诉有了答复')
      expect(await newest.locator('[data-testid="message-state"]').innerText()).toBe('未读')
      await newest.click()
      await visible(page, 'complaint-action-confirm').waitFor()
      await shot(page, `complaint-${mode}-8-answer`)
      // Opening it marked it read; the answer is at the top, above 满意 / 不满意.
      const [notice] = await rows<{ read_at: unknown }>(
        app.database,
        sql`SELECT read_at FROM notifications WHERE entity = 'complaint' AND entity_id = ${complaintId} AND title = '您的投诉有了答复' ORDER BY id DESC LIMIT 1`,
      )
      expect(notice.read_at).not.toBeNull()
      expect(await visible(page, 'latest-answer').innerText()).toContain('已上门退还 30 元')
      expect(await visible(page, 'complaint-timeline').innerText()).toContain('已上门退还 30 元')
      await takeStep(page, 'reopen', 'reopened', async (p) => {
        await visible(p, 'reopen-reason').first().click()
        await shot(p, `complaint-${mode}-8a-reopen-form`)
        expect(await brokenText(p, '[data-testid="reopen-reason"]')).toEqual([])
      })
      await shot(page, `complaint-${mode}-9-reopened`)
      expect(await visible(page, 'complaint-action-confirm').count()).toBe(0)
    } finally {
      await page.close()
    }
  })

  it('the supervisor finds it on the desk, sees who filed it and decides it', async () => {
    const page = await openPage(browser, app.baseUrl, '/#/pages-supervisor/complaints/index', { careMode, login: await loginAs(DEMO_PHONES.supervisor), viewport: NARROW })
    try {
      // 重新投诉: the filter of reopened complaints (its words start the cards it lists).
      await page.locator('[data-testid="status-filter"][data-value="reopened"]:visible').click()
      expect(await page.locator('[data-testid="status-filter"][data-value="reopened"]:visible').innerText()).toContain('重新投诉')
      const item = visible(page, 'complaint-item').filter({ hasText: `第 ${complaintId} 号投诉` })
      await item.waitFor()
      await shot(page, `complaint-${mode}-10-desk`)
      expect(await brokenText(page, '[data-testid="status-filter"], [data-testid="category-filter"]')).toEqual([])
      expect(await item.innerText()).toContain('投诉人：王秀英')
      await item.click()
      await visible(page, 'complaint-view').waitFor()
      expect(await visible(page, 'complainant').innerText()).toContain('王秀英')
      const timeline = await visible(page, 'complaint-timeline').innerText()
      expect(timeline).toContain('王秀英（老人）')
      await takeStep(page, 'resolve', 'resolved', async (p) => {
        await typeInto(p, 'complaint-message', '经核实，驿站已退款，并对服务员进行了批评教育。')
        await shot(p, `complaint-${mode}-10a-decision-form`)
      })
      await shot(page, `complaint-${mode}-11-decided`)
      const [c] = await rows<{ status: string; refund_fen: number | null }>(app.database, sql`SELECT status, refund_fen FROM complaints WHERE id = ${complaintId}`)
      expect(c.status).toBe('resolved')
      // The decision named no refund: the 30 yuan the station recorded still stands, on the screen too.
      expect(c.refund_fen).toBe(3000)
      expect(await visible(page, 'complaint-refund-amount').innerText()).toBe('¥30.00')
      expect(await visible(page, 'latest-answer').innerText()).toContain('民政部门的督办决定')
    } finally {
      await page.close()
    }
  })

  it('王秀英 reads the decision: her one reopen is spent, so no 不满意 — the screen says this is the final answer and what else she can do', async () => {
    const rules = MODES.find((m) => m.careMode === careMode)!.rules
    for (const viewport of [NARROW, SMALLEST]) {
      const page = await openPage(browser, app.baseUrl, `/#/pages/complaints/detail/index?id=${complaintId}`, { careMode, login: await loginAs(DEMO_PHONES.elderFree), viewport })
      try {
        await visible(page, 'final-answer').waitFor()
        await shot(page, `complaint-${mode}-12-final-answer-${viewport.width}`)
        const final = await visible(page, 'final-answer').innerText()
        expect(final).toContain('这是最终答复')
        expect(final).toContain('12349')
        expect(await visible(page, 'complaint-action-reopen').count()).toBe(0)
        // Nothing else on the screen still offers the spent reopen (the deadline line said 如不满意，可在…前重新投诉).
        expect(await page.locator('body').innerText()).not.toContain('前重新投诉')
        expect(await visible(page, 'complaint-action-confirm').count()).toBe(1)
        await expectAgeFriendly(page, rules, '[data-testid="final-answer"] .t-strong, [data-testid="final-answer-call"]')
      } finally {
        await page.close()
      }
    }
  })
})

describe('an anonymous fee complaint as the station reads it (issue 15 #2)', () => {
  const everyWay = everyWayOf({ app: () => app, browser: () => browser, prefix: 'complaint-anonymous', sizes: [NARROW, SMALLEST], whole: '.nowrap, .bottom-nav-item' })
  let complaintId: number
  let stationId: number

  beforeAll(async () => {
    const token = await app.login(DEMO_PHONES.family)
    const booked = await book(app, token, { elderId: 1, serviceId: CLEANING, slotStart: `${TOMORROW}T16:00:00+08:00` })
    stationId = booked.body.station.id
    const filed = await app.request.post('/api/complaints').set('Authorization', `Bearer ${token}`).send({ orderId: booked.body.id, category: 'fee', description: '签退时多收了二十元，和说好的不一样', anonymous: true })
    complaintId = filed.body.id
    // As if the worker had collected ¥20 more than quoted at check-out.
    await rows(app.database, sql`UPDATE complaints SET evidence = JSON_SET(evidence, '$.chargedFen', JSON_EXTRACT(evidence, '$.quotedPayableFen') + 2000) WHERE id = ${complaintId}`)
  })

  it('shows the service, the month and the difference — no order, no elder, no fee record — every way', async () => {
    await everyWay('station', adminPhone(stationId), `/#/pages-staff/complaints/detail/index?id=${complaintId}`, 'fee-summary', async (page) => {
      const summary = await visible(page, 'fee-summary').innerText()
      expect(summary).toContain('居家保洁')
      expect(await visible(page, 'fee-difference').innerText()).toBe('多收 ¥20.00')
      expect(await page.locator('[data-testid="fee-evidence"]:visible').count()).toBe(0)
      const whole = await visible(page, 'complaint-view').innerText()
      for (const secret of ['王秀英', '王丽', '订单', '第 ']) expect(whole.replace(`第 ${complaintId} 号投诉`, '')).not.toContain(secret)
    })
  })
})
