import type { Page } from 'playwright-core'
import { businessDate } from '@carecircle/shared'
import { startTestApp, type TestApp } from '../helpers/test-app'
import { launchBrowser, openPage, shot, typeInto, visible, type Browser } from '../helpers/browser'
import { RULES } from '../helpers/age-friendly'
import { everyWayOf, expectAgeFriendly as expectAgeFriendlyOn, type Rules } from '../helpers/every-way'
import { DEMO_PHONES, staffPhone } from '../../server/src/seed/seed-demo'
import { act } from '../helpers/booking'

/**
 * Issue 9 in the browser: 王秀英 opens 邀请家人 and reads out her code; 赵强 (a family account bound to no one) types
 * it in, binds as 子女, and books a cleaning for her in three taps; her own account sees the order and who placed it;
 * the station's worker checks in and out (through the API, with what was done); 赵强 opens the visit record and the
 * month's visits. Each screen is shot in normal and 长辈版 at 375 and 320 px and checked like age-friendly.test.ts.
 */
const SIZES = [
  { width: 375, height: 812 },
  { width: 320, height: 568 },
] as const
const WORK_NOTE = '打扫了厨房和卫生间，倒了垃圾'

/** The server's clock: real time unless the test moves it to check the visit in and out at its slot. */
let now: Date | null = null
let app: TestApp
let browser: Browser
beforeAll(async () => {
  ;[app, browser] = await Promise.all([startTestApp({ h5: true, clock: () => now ?? new Date() }), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await app?.close()
})

// A phone number, a code digit, a short label or an amount never breaks across lines.
const WHOLE = '.choice-label, .bottom-nav-item, .nowrap, [data-testid="invite-code"], [data-testid="helper-phone"]'
const everyWay = everyWayOf({ app: () => app, browser: () => browser, prefix: 'family', sizes: SIZES, whole: WHOLE })
const expectAgeFriendly = (page: Page, rules: Rules) => expectAgeFriendlyOn(page, rules, WHOLE)

/** The code 邀请家人 shows when opened (normal mode, 375 px), or null when it offers to make one. */
async function visibleCodeOf(phone: string): Promise<string | null> {
  const page = await openPage(browser, app.baseUrl, '/#/pages/family/invite/index', { careMode: false, login: await app.session(phone), viewport: SIZES[0] })
  try {
    await page.locator('[data-testid="invite-code"]:visible, [data-testid="no-live-code"]:visible').first().waitFor()
    return (await visible(page, 'invite-code').count()) ? await visible(page, 'invite-code').getAttribute('data-value') : null
  } finally {
    await page.close()
  }
}

describe('a relative far away binds with the elder’s code, books for her and reads the visit record', () => {
  let code = ''
  let orderId = 0
  let stationId = 0
  let slotStart = ''

  it('王秀英 reads her invitation code in large digits, with its expiry in words and a QR code — the same code every time she opens it', async () => {
    // No code yet: the page says so and makes one on her tap.
    const first = await openPage(browser, app.baseUrl, '/#/pages/family/invite/index', { careMode: false, login: await app.session(DEMO_PHONES.elderFree), viewport: SIZES[0] })
    try {
      await visible(first, 'no-live-code').waitFor()
      await shot(first, 'family-invite-none-normal-375')
      await expectAgeFriendly(first, RULES.normal)
      await visible(first, 'new-code').click()
      await visible(first, 'invite-code').waitFor()
    } finally {
      await first.close()
    }
    const seen = new Set<string>()
    await everyWay('invite', DEMO_PHONES.elderFree, '/#/pages/family/invite/index', 'invite-code', async (page) => {
      seen.add((await visible(page, 'invite-code').getAttribute('data-value')) ?? '')
      expect(await visible(page, 'invite-expiry').innerText()).toMatch(/前有效，只能用一次/)
      const digit = await page.locator('.invite-digit:visible').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
      expect(digit).toBeGreaterThanOrEqual(40)
      expect(Number(await visible(page, 'invite-qr').getAttribute('data-modules'))).toBeGreaterThanOrEqual(21)
    })
    expect(seen.size).toBe(1) // four openings (two modes × two sizes), one code
    code = [...seen][0]
    expect(code).toMatch(/^\d{6}$/)
  })

  it('a new code only when she asks: 换一个新邀请码 → the question → 确定换新的; the next opening shows the new one', async () => {
    const page = await openPage(browser, app.baseUrl, '/#/pages/family/invite/index', { careMode: true, login: await app.session(DEMO_PHONES.elderFree), viewport: SIZES[1] })
    let fresh = ''
    try {
      await visible(page, 'invite-code').waitFor()
      expect(await visible(page, 'invite-code').getAttribute('data-value')).toBe(code)
      await visible(page, 'new-code').click()
      await visible(page, 'new-code-step').waitFor()
      await shot(page, 'family-invite-new-step-care-320')
      await expectAgeFriendly(page, RULES.care)
      await visible(page, 'new-code-confirm').click()
      await page.locator('[data-testid="new-code-step"]').waitFor({ state: 'detached' }) // gone once the new code is shown
      fresh = (await visible(page, 'invite-code').getAttribute('data-value')) ?? ''
      await shot(page, 'family-invite-new-care-320')
    } finally {
      await page.close()
    }
    expect(fresh).toMatch(/^\d{6}$/)
    expect(fresh).not.toBe(code)
    expect(await visibleCodeOf(DEMO_PHONES.elderFree)).toBe(fresh)
    code = fresh
  })

  it('赵强 types the code in, says he is her child, and is bound', async () => {
    const page = await openPage(browser, app.baseUrl, '/#/pages/family/index', { careMode: false, login: await app.session(DEMO_PHONES.familyUnbound), viewport: SIZES[0] })
    try {
      await visible(page, 'no-parents').waitFor()
      await shot(page, 'family-list-empty-normal-375')
      await visible(page, 'bind-by-code').click()
      await visible(page, 'bind-code').waitFor()
      await typeInto(page, 'bind-code', code)
      await visible(page, 'relation').filter({ hasText: '子女' }).click()
      await shot(page, 'family-bind-form-normal-375')
      await expectAgeFriendly(page, RULES.normal)
      await visible(page, 'bind-submit').click()
      await visible(page, 'bind-success').waitFor()
      expect(await visible(page, 'bind-success').innerText()).toContain('已和王秀英绑定')
      await shot(page, 'family-bind-done-normal-375')
    } finally {
      await page.close()
    }
    // The same code a second time is refused in words, without saying why.
    const again = await app.request
      .post('/api/family/bindings')
      .set({ Authorization: `Bearer ${await app.login(DEMO_PHONES.familyUnbound)}` })
      .send({ code, relation: '子女' })
    expect(again.status).toBeGreaterThanOrEqual(400)
    expect(again.status).toBeLessThan(500)
  })

  it('赵强 books a cleaning for her: service → time → confirm, the price shown before confirming', async () => {
    const page = await openPage(browser, app.baseUrl, '/#/pages/family/index', { careMode: false, login: await app.session(DEMO_PHONES.familyUnbound), viewport: SIZES[0] })
    try {
      await visible(page, 'book-for-parent').click()
      await visible(page, 'service-item').filter({ hasText: '居家保洁' }).first().click()
      await visible(page, 'slot').first().waitFor()
      await visible(page, 'slot').first().click()
      await visible(page, 'payable').waitFor()
      expect(await visible(page, 'payable').innerText()).toMatch(/¥\d+\.\d{2}/)
      await visible(page, 'confirm-booking').click()
      await visible(page, 'booking-success').waitFor({ timeout: 45_000 })
      orderId = Number(/id=(\d+)/.exec(page.url())?.[1])
      expect(orderId).toBeGreaterThan(0)
    } finally {
      await page.close()
    }
    const order = (await app.request.get(`/api/orders/${orderId}`).set({ Authorization: `Bearer ${await app.login(DEMO_PHONES.familyUnbound)}` }).expect(200)).body
    expect(order.channel).toBe('family')
    stationId = order.station.id
    slotStart = order.slotStart
  })

  it('赵强’s 我的家人 shows her next visit; her own 谁可以帮我预约 shows him with his phone masked', async () => {
    await everyWay('parents', DEMO_PHONES.familyUnbound, '/#/pages/family/index', 'next-visit', async (page) => {
      expect(await visible(page, 'next-visit').first().innerText()).toContain('居家保洁')
    })
    await everyWay('helpers', DEMO_PHONES.elderFree, '/#/pages/family/index', 'helper-phone', async (page) => {
      const phones = await visible(page, 'helper-phone').allInnerTexts()
      expect(phones).toContain('139****0002')
    })
  })

  it('王秀英’s own account sees the order and who placed it', async () => {
    await everyWay('elder-order', DEMO_PHONES.elderFree, `/#/pages/orders/detail/index?id=${orderId}`, 'placed-by', async (page) => {
      expect(await visible(page, 'placed-by').innerText()).toBe('由家人 赵强 代订')
    })
  })

  it('the worker checks in at the slot and out an hour later, writing what was done; 赵强 reads the record', async () => {
    const staff = await app.login(staffPhone(stationId, 1))
    expect((await act(app, staff, orderId, 'accept')).status).toBe(200)
    try {
      now = new Date(slotStart)
      expect((await act(app, staff, orderId, 'start')).status).toBe(200)
      now = new Date(now.getTime() + 55 * 60_000)
      const done = await act(app, staff, orderId, 'complete', { chargedFen: 0, workNote: WORK_NOTE })
      expect(done.status).toBe(200)
    } finally {
      now = null
    }
    await everyWay('record', DEMO_PHONES.familyUnbound, `/#/pages/visits/record/index?orderId=${orderId}`, 'visit-record', async (page) => {
      expect(await visible(page, 'visit-work-note').innerText()).toBe(WORK_NOTE)
      expect(await visible(page, 'visit-placed-by').innerText()).toBe('由家人 赵强 代订')
      expect(await visible(page, 'visit-charge').innerText()).toContain('实收 ¥0.00')
    })
    // The month's list, when the visit (tomorrow) falls in this month.
    const visitMonth = businessDate(new Date(slotStart)).slice(0, 7)
    const thisMonth = businessDate(new Date()).slice(0, 7)
    await everyWay('visits', DEMO_PHONES.familyUnbound, '/#/pages/visits/index?elderId=1&name=王秀英', 'visit-totals', async (page) => {
      if (visitMonth === thisMonth) expect(await visible(page, 'visit-work-note').allInnerTexts()).toContain(WORK_NOTE)
    })
  })

  it('the completed order opens its record from the order page', async () => {
    const page = await openPage(browser, app.baseUrl, `/#/pages/orders/detail/index?id=${orderId}`, { careMode: true, login: await app.session(DEMO_PHONES.familyUnbound), viewport: SIZES[1] })
    try {
      await visible(page, 'open-visit-record').click()
      await visible(page, 'visit-record').waitFor()
      expect(await visible(page, 'visit-work-note').innerText()).toBe(WORK_NOTE)
    } finally {
      await page.close()
    }
  })
})
