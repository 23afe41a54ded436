import type { Page } from 'playwright-core'
import { businessDate, ZHonourBoard, ZStationFiguresResponse, type HonourBoard, type StationFiguresResponse } from '@carecircle/shared'
import { startTestApp, type TestApp } from '../helpers/test-app'
import { launchBrowser, openPage, settle, shot, typeInto, visible, type Browser } from '../helpers/browser'
import { RULES, axeViolations, smallTargets, smallText } from '../helpers/age-friendly'
import { brokenText } from '../helpers/layout'
import { DEMO_PHONES, staffPhone } from '../../server/src/seed/seed-demo'
import { act, book, CLEANING } from '../helpers/booking'

/**
 * Issue 8 in the browser: the supervisor suspends a station from 驿站管理 (reason + 保留), a resident sees
 * 暂停接单 and the reason on its price board, the supervisor reinstates it; a 双随机抽查 draw of 2 with one
 * result recorded, public on that station's board; 王秀英 rates a completed visit and changes it; the
 * overcharged visit is on 收费异常. Screenshots at 375 px (320 px for the stars and 考评) in normal and 长辈版.
 */
const TOMORROW = businessDate(new Date(Date.now() + 24 * 3600_000))
const NARROW = { width: 375, height: 812 }
const SMALLEST = { width: 320, height: 568 }
const MODES = [
  { mode: 'normal', careMode: false, rules: RULES.normal },
  { mode: 'care', careMode: true, rules: RULES.care },
] as const

/** The server's clock: real time unless a test moves it (to check a visit in and out at its slot). */
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

const loginAs = (phone: string) => app.session(phone)
/** The age-friendly checks of test/e2e/age-friendly.test.ts, on the screen as it is now. */
async function expectAgeFriendly(page: Page, rules: { minFontPx: number; minTargetPx: number }) {
  const problems = {
    axe: await axeViolations(page),
    small: await smallText(page, rules.minFontPx),
    targets: await smallTargets(page, rules.minTargetPx),
    // Short labels never break: a choice ("1 星 很差"), a bottom-nav item, a bar's number.
    broken: await brokenText(page, '.choice-label, .bottom-nav-item, [data-testid="bar-value"]'),
  }
  expect(problems).toEqual({ axe: [], small: [], targets: [], broken: [] })
}
const board = async (stationId: number) => (await app.request.get(`/api/stations/${stationId}/price-board`).expect(200)).body

/** A visit of 王秀英's (free tier, quoted ¥0), checked in at its slot and out an hour later with `chargedFen` collected. */
async function completedVisit(hour: string, chargedFen: number): Promise<{ id: number; stationId: number }> {
  const res = await book(app, await app.login(DEMO_PHONES.family), { elderId: 1, serviceId: CLEANING, slotStart: `${TOMORROW}T${hour}:00:00+08:00` })
  if (res.status !== 201) throw new Error(`booking failed: ${res.status} ${JSON.stringify(res.body)}`)
  const staff = await app.login(staffPhone(res.body.station.id, 1))
  expect((await act(app, staff, res.body.id, 'accept')).status).toBe(200)
  try {
    now = new Date(`${TOMORROW}T${hour}:00:00+08:00`)
    expect((await act(app, staff, res.body.id, 'start')).status).toBe(200)
    now = new Date(now.getTime() + 60 * 60_000)
    // Money from a 无偿 elder goes through only once the worker confirms it will be flagged.
    expect((await act(app, staff, res.body.id, 'complete', { chargedFen, confirmConsequences: chargedFen > 0 })).status).toBe(200)
  } finally {
    now = null
  }
  return { id: res.body.id, stationId: res.body.station.id }
}

describe('暂停接单 and 恢复接单 from 驿站管理', () => {
  let stationId: number
  let stationName: string
  const REASON = '抽查发现收费与公示不符，限期整改'

  beforeAll(async () => {
    // An open order of 李建国's at the station, so the outcome has something to count.
    const res = await book(app, await app.login(DEMO_PHONES.elderLow), { elderId: 2, serviceId: CLEANING, slotStart: `${TOMORROW}T11:00:00+08:00` })
    if (res.status !== 201) throw new Error(`booking failed: ${res.status} ${JSON.stringify(res.body)}`)
    stationId = res.body.station.id
    stationName = res.body.station.name
  })

  it.each(MODES)('the form and its confirm step are readable in $mode mode (nothing sent)', async ({ mode, careMode, rules }) => {
    const page = await openPage(browser, app.baseUrl, '/#/pages-supervisor/stations/index', { careMode, login: await loginAs(DEMO_PHONES.supervisor), viewport: NARROW })
    try {
      await shot(page, `supervision-${mode}-1-stations-375`)
      await expectAgeFriendly(page, rules)
      await typeInto(page, 'station-filter', stationName.slice(0, 4))
      expect(await visible(page, 'station-item').count()).toBeLessThan(5)
      await visible(page, 'station-item').filter({ hasText: stationName }).click()
      await visible(page, 'suspend-form').waitFor()
      expect(await visible(page, 'supervision-missing').textContent()).toContain('请写明暂停的原因')
      await typeInto(page, 'suspend-reason', REASON)
      await visible(page, 'reroute-no').click()
      await shot(page, `supervision-${mode}-2-suspend-form-375`)
      await expectAgeFriendly(page, rules)
      await visible(page, 'suspend-station').click()
      await visible(page, 'supervision-confirm-step').waitFor()
      expect(await visible(page, 'supervision-confirm-step').textContent()).toContain(REASON)
      await shot(page, `supervision-${mode}-3-suspend-confirm-375`)
      await expectAgeFriendly(page, rules)
      await visible(page, 'supervision-back').click()
      await visible(page, 'suspend-form').waitFor()
      expect((await board(stationId)).station.status).toBe('active')
    } finally {
      await page.close()
    }
  })

  it('the supervisor suspends it with a reason; its price board says 暂停接单 and why; then reinstates it', async () => {
    const page = await openPage(browser, app.baseUrl, '/#/pages-supervisor/stations/index', { careMode: false, login: await loginAs(DEMO_PHONES.supervisor), viewport: NARROW })
    try {
      await visible(page, 'station-item').filter({ hasText: stationName }).click()
      await typeInto(page, 'suspend-reason', REASON)
      await visible(page, 'reroute-no').click()
      await visible(page, 'suspend-station').click()
      await visible(page, 'supervision-confirm').click()
      await visible(page, 'supervision-outcome').waitFor({ timeout: 20_000 })
      expect(await visible(page, 'supervision-outcome').textContent()).toBe(`已暂停“${stationName}”接单。已有订单：0 单改派到其他驿站；0 单附近没有驿站能接（已转到“待派单”，请协调）；1 单保留在这家驿站。`)
      await page.locator('[data-testid="station-status"][data-status="suspended"]:visible').waitFor()
      await shot(page, 'supervision-normal-4-suspended-375')
    } finally {
      // One browser profile: a resident's page would replace the supervisor's login in storage.
      await page.close()
    }

    for (const { mode, careMode, rules } of MODES) {
      const resident = await openPage(browser, app.baseUrl, `/#/pages/price-board/index?id=${stationId}`, { careMode, viewport: NARROW })
      try {
        const notice = await visible(resident, 'suspended-notice').textContent()
        expect(notice).toContain('暂停接单')
        expect(notice).toContain(`暂停原因：${REASON}`)
        await shot(resident, `supervision-${mode}-5-price-board-suspended-375`)
        await expectAgeFriendly(resident, rules)
      } finally {
        await resident.close()
      }
    }

    const again = await openPage(browser, app.baseUrl, '/#/pages-supervisor/stations/index', { careMode: false, login: await loginAs(DEMO_PHONES.supervisor), viewport: NARROW })
    try {
      await visible(again, 'station-item').filter({ hasText: stationName }).click()
      await visible(again, 'reinstate-form').waitFor()
      await typeInto(again, 'reinstate-reason', '整改已完成，复查合格')
      await visible(again, 'reinstate-station').click()
      await visible(again, 'supervision-confirm').click()
      await again.locator('[data-testid="supervision-outcome"]:visible', { hasText: '已恢复' }).waitFor({ timeout: 20_000 })
      await again.locator('[data-testid="station-status"][data-status="active"]:visible').waitFor()
      expect((await board(stationId)).station).toMatchObject({ status: 'active', suspendedReason: null })
    } finally {
      await again.close()
    }
  })

  it('红黑榜 lists a suspended station with its reason, and no longer once it is reinstated', async () => {
    const supervisor = await app.login(DEMO_PHONES.supervisor)
    await app.request.post(`/api/stations/${stationId}/suspend`).set({ Authorization: `Bearer ${supervisor}` }).send({ reason: REASON, reroute: false }).expect(200)
    try {
      const page = await openPage(browser, app.baseUrl, '/#/pages/honour-board/index', { careMode: false, viewport: NARROW })
      try {
        const item = visible(page, 'suspended-item').filter({ hasText: stationName })
        expect(await item.textContent()).toContain(`原因：${REASON}`)
        await shot(page, 'supervision-normal-6-honour-board-375')
        await expectAgeFriendly(page, RULES.normal)
      } finally {
        await page.close()
      }
    } finally {
      await app.request.post(`/api/stations/${stationId}/reinstate`).set({ Authorization: `Bearer ${supervisor}` }).send({}).expect(200)
    }
    const page = await openPage(browser, app.baseUrl, '/#/pages/honour-board/index', { careMode: true, viewport: NARROW })
    try {
      expect(await visible(page, 'suspended-item').filter({ hasText: stationName }).count()).toBe(0)
    } finally {
      await page.close()
    }
  })
})

describe('双随机抽查', () => {
  it('the supervisor draws 2 stations and records a result; it is public on that station’s price board', async () => {
    const page = await openPage(browser, app.baseUrl, '/#/pages-supervisor/inspections/index', { careMode: false, login: await loginAs(DEMO_PHONES.supervisor), viewport: NARROW })
    try {
      await page.locator('[data-testid="draw-count"][data-value="2"]:visible').click()
      await visible(page, 'draw-stations').click()
      await visible(page, 'draw-result').waitFor({ timeout: 20_000 })
      expect(await visible(page, 'drawn-station').count()).toBe(2)
      await shot(page, 'supervision-normal-7-draw-375')
      await expectAgeFriendly(page, RULES.normal)
      const first = visible(page, 'drawn-station').first()
      const stationId = Number(await first.getAttribute('data-station-id'))
      await first.locator('[data-testid="inspection-result"][data-value="rectify"]').click()
      await first.locator('[data-testid="inspection-notes"] textarea').fill('收费公示未及时更新，限 7 日内整改')
      await first.locator('[data-testid="record-inspection"]').click()
      await first.locator('[data-testid="inspection-recorded"]').waitFor({ timeout: 20_000 })
      expect(await first.textContent()).toContain('结果：限期整改')
      await shot(page, 'supervision-normal-8-recorded-375')

      for (const { mode, careMode, rules } of MODES) {
        const resident = await openPage(browser, app.baseUrl, `/#/pages/price-board/index?id=${stationId}`, { careMode, viewport: NARROW })
        try {
          const item = visible(resident, 'inspection-item').first()
          expect(await item.getAttribute('data-result')).toBe('rectify')
          expect(await item.textContent()).toContain('结果：限期整改')
          expect(await item.textContent()).toContain('检查情况：收费公示未及时更新，限 7 日内整改')
          await item.scrollIntoViewIfNeeded()
          await shot(resident, `supervision-${mode}-9-price-board-inspection-375`)
          await expectAgeFriendly(resident, rules)
        } finally {
          await resident.close()
        }
      }
    } finally {
      await page.close()
    }
  })

  it.each(MODES)('the draw form is readable in $mode mode', async ({ mode, careMode, rules }) => {
    const page = await openPage(browser, app.baseUrl, '/#/pages-supervisor/inspections/index', { careMode, login: await loginAs(DEMO_PHONES.supervisor), viewport: NARROW })
    try {
      await typeInto(page, 'draw-seed', 'bad seed!')
      expect(await visible(page, 'draw-stations').getAttribute('aria-disabled')).toBe('true')
      await shot(page, `supervision-${mode}-10-draw-form-375`)
      await expectAgeFriendly(page, rules)
    } finally {
      await page.close()
    }
  })
})

describe.each([
  { ...MODES[0], hour: '16' },
  { ...MODES[1], hour: '17' },
])('a resident rates a completed visit; an overcharge is on 收费异常 ($mode mode)', ({ mode, careMode, rules, hour }) => {
  let orderId: number

  beforeAll(async () => {
    // Quoted ¥0 (free tier), ¥20 collected: an overcharge.
    orderId = (await completedVisit(hour, 2000)).id
  })

  it('王秀英 gives 4 stars with a comment, sees until when she may change it, and changes it to 2', async () => {
    const login = await loginAs(DEMO_PHONES.elderFree)
    for (const viewport of [SMALLEST, NARROW]) {
      const page = await openPage(browser, app.baseUrl, `/#/pages/orders/detail/index?id=${orderId}`, { careMode, login, viewport })
      try {
        await page.locator('[data-testid="star-option"][data-value="4"]:visible').click()
        await typeInto(page, 'rating-comment', '打扫得很干净')
        await shot(page, `supervision-${mode}-11-stars-${viewport.width}`)
        await expectAgeFriendly(page, rules)
      } finally {
        await page.close()
      }
    }
    const page = await openPage(browser, app.baseUrl, `/#/pages/orders/detail/index?id=${orderId}`, { careMode, login, viewport: NARROW })
    try {
      await page.locator('[data-testid="star-option"][data-value="4"]:visible').click()
      await typeInto(page, 'rating-comment', '打扫得很干净')
      await visible(page, 'rating-submit').click()
      await visible(page, 'rating-saved').waitFor({ timeout: 20_000 })
      expect(await visible(page, 'rating-saved').textContent()).toBe('评价已提交，谢谢您。')
      expect(await visible(page, 'rating-given').textContent()).toContain('4 星 较好')
      expect(await visible(page, 'rating-editable').textContent()).toMatch(/之前可以修改$/)
      await shot(page, `supervision-${mode}-12-rated-375`)
      await expectAgeFriendly(page, rules)
      await visible(page, 'rating-change').click()
      await page.locator('[data-testid="star-option"][data-value="2"]:visible').click()
      await visible(page, 'rating-submit').click()
      await page.locator('[data-testid="rating-saved"]:visible', { hasText: '评价已修改，谢谢您。' }).waitFor({ timeout: 20_000 })
      expect(await visible(page, 'rating-given').getAttribute('data-stars')).toBe('2')
    } finally {
      await page.close()
    }
    const saved = (await app.request.get(`/api/orders/${orderId}`).set({ Authorization: `Bearer ${login.token}` }).expect(200)).body.rating
    expect(saved).toMatchObject({ stars: 2, comment: '打扫得很干净' })
  })

  it('after 7 days the page says plainly the rating can no longer change', async () => {
    // A browser of its own: a clock is set for a whole profile, and the other tests need today's.
    const late = await launchBrowser()
    const page = await openPageAt(late, new Date(Date.now() + 8 * 86_400_000), `/#/pages/orders/detail/index?id=${orderId}`, careMode)
    try {
      expect(await visible(page, 'rating-editable').textContent()).toBe('评价已超过 7 天，不能再修改。有问题可以投诉这单服务。')
      expect(await visible(page, 'rating-change').count()).toBe(0)
      expect(await visible(page, 'star-option').count()).toBe(0)
      await shot(page, `supervision-${mode}-13-rating-locked-375`)
    } finally {
      await late.close()
    }
  })

  it('the supervisor sees the overcharged visit on 收费异常', async () => {
    const page = await openPage(browser, app.baseUrl, '/#/pages-supervisor/charges/index', { careMode, login: await loginAs(DEMO_PHONES.supervisor), viewport: NARROW })
    try {
      const flag = visible(page, 'charge-flag').first()
      expect(await flag.getAttribute('data-flag')).toBe('overcharge')
      expect(await flag.textContent()).toContain('多收了钱')
      expect(await flag.textContent()).toContain('¥20.00')
      await shot(page, `supervision-${mode}-14-charges-375`)
      await expectAgeFriendly(page, rules)
    } finally {
      await page.close()
    }
  })
})

/** A page whose clock reads `at` (the server's stays real), logged in as 王秀英. */
async function openPageAt(late: Browser, at: Date, path: string, careMode: boolean): Promise<Page> {
  const page = await late.context.newPage()
  await page.setViewportSize(NARROW)
  await page.clock.setFixedTime(at)
  const login = await loginAs(DEMO_PHONES.elderFree)
  await page.addInitScript((items: Record<string, string>) => {
    localStorage.clear()
    for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v)
  }, { 'cc.careMode': JSON.stringify({ data: careMode }), 'cc.token': JSON.stringify({ data: login.token }), 'cc.user': JSON.stringify({ data: login.user }) })
  await page.goto(app.baseUrl + path, { waitUntil: 'load' })
  await settle(page)
  return page
}

/**
 * 红黑榜 and 驿站考评 over fixtures in the shared shapes (the browser's requests to the two endpoints are
 * answered here): a busy district's layout, which the test database's few figures would not show.
 */
describe('红黑榜 and 驿站考评 layout (fixture answers)', () => {
  const HONOUR: HonourBoard = ZHonourBoard.parse({
    best: [
      { id: 1, name: '兴隆养老服务驿站', operatorName: '江阳颐安物业服务有限公司', rating: 4.8, ratingCount: 23 },
      { id: 2, name: '大山坪社区养老服务站', operatorName: '江阳康宁物业管理有限公司', rating: 4.5, ratingCount: 9 },
    ],
    suspended: [{ id: 3, name: '长江大道养老服务驿站', operatorName: '江阳康宁物业管理有限公司', reason: '抽查发现收费与公示不符，限期整改', suspendedAt: '2026-11-30T09:00:00+08:00' }],
  })
  const FIGURES: StationFiguresResponse = ZStationFiguresResponse.parse({
    from: '2026-11-03',
    to: '2026-12-02',
    stations: [
      { station: { id: 1, name: '兴隆养老服务驿站', operatorName: '江阳颐安物业服务有限公司', status: 'active' }, completedOrders: 120, complaints: 3, complaintsPer100Orders: 2.5, acknowledgedInTimeShare: 1, resolvedInTimeShare: 0.67, overchargeFlags: 1, rating: 4.8, ratingCount: 23 },
      { station: { id: 3, name: '长江大道养老服务驿站', operatorName: '江阳康宁物业管理有限公司', status: 'suspended' }, completedOrders: 40, complaints: 4, complaintsPer100Orders: 10, acknowledgedInTimeShare: 0.5, resolvedInTimeShare: 0.25, overchargeFlags: 3, rating: null, ratingCount: 2 },
      { station: { id: 4, name: '新开社区养老服务站', operatorName: '江阳颐安物业服务有限公司', status: 'active' }, completedOrders: 0, complaints: 0, complaintsPer100Orders: null, acknowledgedInTimeShare: null, resolvedInTimeShare: null, overchargeFlags: 0, rating: null, ratingCount: 0 },
    ],
  })
  beforeAll(async () => {
    await browser.context.route('**/api/honour-board', (route) => route.fulfill({ json: HONOUR }))
    await browser.context.route('**/api/reports/stations?**', (route) => route.fulfill({ json: FIGURES }))
  })
  afterAll(async () => {
    await browser.context.unroute('**/api/honour-board')
    await browser.context.unroute('**/api/reports/stations?**')
  })

  it.each(MODES)('红黑榜 shows the best-rated and the suspended stations with the reason ($mode mode)', async ({ mode, careMode, rules }) => {
    const page = await openPage(browser, app.baseUrl, '/#/pages/honour-board/index', { careMode, viewport: NARROW })
    try {
      expect(await visible(page, 'best-item').allTextContents()).toEqual([
        expect.stringContaining('第 1 名 · 兴隆养老服务驿站4.8 星（23 条评价）'),
        expect.stringContaining('第 2 名 · 大山坪社区养老服务站4.5 星（9 条评价）'),
      ])
      const suspended = await visible(page, 'suspended-item').textContent()
      expect(suspended).toContain('暂停接单（2026年11月30日起）')
      expect(suspended).toContain('原因：抽查发现收费与公示不符，限期整改')
      await shot(page, `supervision-${mode}-15-honour-board-fixture-375`)
      await expectAgeFriendly(page, rules)
      await visible(page, 'suspended-item').click()
      await page.waitForURL(/price-board\/index\?id=3/)
    } finally {
      await page.close()
    }
  })

  it.each(MODES)('驿站考评 shows each station as a card and complaints per 100 orders as bars with their numbers ($mode mode)', async ({ mode, careMode, rules }) => {
    for (const viewport of [SMALLEST, NARROW]) {
      const page = await openPage(browser, app.baseUrl, '/#/pages-supervisor/figures/index', { careMode, login: await loginAs(DEMO_PHONES.supervisor), viewport })
      try {
        expect(await visible(page, 'bar-row').allTextContents()).toEqual(['长江大道养老服务驿站10.0 件', '兴隆养老服务驿站2.5 件', '新开社区养老服务站没有完成的订单'])
        const first = await visible(page, 'figures-item').first().textContent()
        expect(first).toContain('完成服务120 单')
        expect(first).toContain('按时办结投诉67%')
        // No card is wider than the screen: nothing to scroll sideways.
        const widest = await page.evaluate(() => Math.max(...Array.from(document.querySelectorAll('[data-testid="figures-item"], [data-testid="bar-chart"]'), (el) => el.getBoundingClientRect().right)))
        expect(widest).toBeLessThanOrEqual(viewport.width)
        await shot(page, `supervision-${mode}-16-figures-fixture-${viewport.width}`)
        await expectAgeFriendly(page, rules)
      } finally {
        await page.close()
      }
    }
  })
})

it('驿站考评 over the real report lists every station with figures', async () => {
  const page = await openPage(browser, app.baseUrl, '/#/pages-supervisor/figures/index', { careMode: false, login: await loginAs(DEMO_PHONES.supervisor), viewport: NARROW })
  try {
    expect(await visible(page, 'error-state').count()).toBe(0)
    expect(await visible(page, 'figures-item').count()).toBeGreaterThan(0)
    expect(await visible(page, 'bar-row').count()).toBe(await visible(page, 'figures-item').count())
  } finally {
    await page.close()
  }
})
