import type { Page } from 'playwright-core'
import { businessDate, formatYuan } from '@carecircle/shared'
import { startTestApp, type TestApp } from '../helpers/test-app'
import { launchBrowser, openPage, settle, shot, typeInto, visible, type Browser } from '../helpers/browser'
import { RULES } from '../helpers/age-friendly'
import { coveredOrOffscreen } from '../helpers/layout'
import { MODES, everyWayOf, expectAgeFriendly as expectAgeFriendlyOn, type Rules } from '../helpers/every-way'
import { DEMO_PHONES, staffPhone } from '../../server/src/seed/seed-demo'
import { act, book, CLEANING } from '../helpers/booking'
import { weekStartOf } from '../../server/src/pricing/hours-policy'

/**
 * Issue 10 in the browser: 王秀英 sees her own prices first on the board (the three tiers one tap away), compares
 * a service with the stations around her home and reads the history; 我的补贴 says her tier and why, the week's
 * minutes and every movement; station 1's admin drafts a new price (a wrong line is marked where it is), previews it
 * as residents will see it and publishes it for tomorrow; the supervisor finds her, verifies her tier, adds minutes
 * with a reason and opens the month's reconciliation with its chart and CSV. Each screen in normal and 长辈版 at 375
 * and 320 px, checked like age-friendly.test.ts.
 */
const SIZES = [
  { width: 375, height: 667 },
  { width: 320, height: 568 },
] as const
/** Prices, phones, dates and short labels never break across lines. */
const WHOLE = '.choice-label, .bottom-nav-item, .nowrap, .price-value, .my-price-value, .tier-name'

/** The server's clock: real time unless the test moves it to check a visit in and out at its slot. */
let now: Date | null = null
let app: TestApp
let browser: Browser
let orderId = 0
let slotStart = ''
beforeAll(async () => {
  ;[app, browser] = await Promise.all([startTestApp({ h5: true, clock: () => now ?? new Date() }), launchBrowser()])
  // 王秀英 (无偿, 90+) has a cleaning tomorrow, done and checked out: a use of her minutes and a month to reconcile.
  const booked = await book(app, await app.login(DEMO_PHONES.elderFree), { elderId: 1, serviceId: CLEANING, slotStart: `${tomorrow()}T09:00:00+08:00` })
  if (booked.status !== 201) throw new Error(`booking failed: ${booked.status} ${JSON.stringify(booked.body)}`)
  orderId = booked.body.id
  slotStart = booked.body.slotStart
  const staff = await app.login(staffPhone(booked.body.station.id, 1))
  expect((await act(app, staff, orderId, 'accept')).status).toBe(200)
  try {
    now = new Date(slotStart)
    expect((await act(app, staff, orderId, 'start')).status).toBe(200)
    now = new Date(now.getTime() + 55 * 60_000)
    expect((await act(app, staff, orderId, 'complete', { chargedFen: 0 })).status).toBe(200)
  } finally {
    now = null
  }
})
afterAll(async () => {
  await browser?.close()
  await app?.close()
})

const everyWay = everyWayOf({ app: () => app, browser: () => browser, prefix: 'subsidy', sizes: SIZES, whole: WHOLE })
const expectAgeFriendly = (page: Page, rules: Rules) => expectAgeFriendlyOn(page, rules, WHOLE)

const asElder = () => app.session(DEMO_PHONES.elderFree)
const tomorrow = () => businessDate(new Date(Date.now() + 24 * 3600_000))

describe('王秀英 and the price board', () => {
  it('leads with her own price for each service, before the three-tier table', async () => {
    await everyWay('board-elder', DEMO_PHONES.elderFree, '/#/pages/price-board/index?id=1', 'my-prices', async (page, mode) => {
      expect(await visible(page, 'my-prices').getAttribute('data-tier')).toBe('free')
      const cleaning = page.locator(`[data-testid="my-price"][data-service-id="${CLEANING}"]:visible`)
      expect(await cleaning.locator('[data-testid="my-price-value"]').innerText()).toBe('¥0.00/小时')
      expect(await visible(page, 'tier-explanation').innerText()).toContain('90 岁以上')
      // The three-tier table waits behind one tap.
      expect(await visible(page, 'price-table').count()).toBe(0)
      if (mode === 'normal' && page.viewportSize()?.width === 375) {
        // The first screen (375×667): operator, the ways to complain and her first prices.
        expect(await coveredOrOffscreen(page, ['[data-testid="board-operator"]', '[data-testid="board-complain"]', '[data-testid="my-price"]'])).toEqual([])
      }
    })
  })

  it('a visitor who is not logged in sees the operator, how to complain and the first services on the first screen', async () => {
    await everyWay('board-visitor', null, '/#/pages/price-board/index?id=1', 'price-table', async (page, mode) => {
      if (mode === 'normal' && page.viewportSize()?.width === 375) {
        expect(await coveredOrOffscreen(page, ['[data-testid="board-operator"]', '[data-testid="board-complain"]', '[data-testid="price-item"] [data-tier="paid"]'])).toEqual([])
      }
    })
  })

  it('the three tiers are one tap away, with hers marked in words; the history says when prices changed', async () => {
    const page = await openPage(browser, app.baseUrl, '/#/pages/price-board/index?id=1', { careMode: true, login: await asElder(), viewport: SIZES[1] })
    try {
      await visible(page, 'show-tier-table').click()
      await visible(page, 'price-table').waitFor()
      const mine = visible(page, 'price-item').first().locator('.tier-cell.mine')
      expect(await mine.getAttribute('data-tier')).toBe('free')
      expect(await mine.innerText()).toContain('·您')
      await shot(page, 'subsidy-board-table-care-320')
      await expectAgeFriendly(page, RULES.care)
      await visible(page, 'show-history').click()
      await visible(page, 'price-version').first().waitFor()
      // Newest first: the demo's New Year version waiting with what it changes, then the one in force, with dates.
      expect(await visible(page, 'price-version').first().innerText()).toMatch(/等到生效时间执行[\s\S]*2027年1月1日 00:00 起执行[\s\S]*居家保洁”：标准价 ¥40\.00 → ¥42\.00/)
      expect(await page.locator('[data-testid="price-version"][data-in-force="yes"]:visible').innerText()).toMatch(/正在执行[\s\S]*\d{4}年\d+月\d+日 \d{2}:\d{2} 起执行/)
      await shot(page, 'subsidy-board-history-care-320')
      await expectAgeFriendly(page, RULES.care)
    } finally {
      await page.close()
    }
  })

  it('与附近驿站比价: the stations that reach her home, her own price first, with rating and travel time', async () => {
    const page = await openPage(browser, app.baseUrl, '/#/pages/price-board/index?id=1', { careMode: false, login: await asElder(), viewport: SIZES[0] })
    try {
      await page.locator(`[data-testid="my-price"][data-service-id="${CLEANING}"]:visible`).click()
      await visible(page, 'compare-item').first().waitFor()
      await settle(page)
      const fen = (await visible(page, 'compare-price').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-fen')))))
      expect(fen.length).toBeGreaterThanOrEqual(1)
      expect([...fen].sort((a, b) => a - b)).toEqual(fen)
      expect(await visible(page, 'compare-basis').innerText()).toContain('按您的价格（无偿）')
      const first = await visible(page, 'compare-item').first().innerText()
      expect(first).toMatch(/(步行|骑电动车|驾车)约 \d+ 分钟/)
      expect(first).toMatch(/星|暂无评分/)
    } finally {
      await page.close()
    }
    await everyWay('compare', DEMO_PHONES.elderFree, `/#/pages/price-compare/index?elderId=1&serviceId=${CLEANING}&stationId=1`, 'compare-item')
  })
})

describe('the station admin publishes a new price', () => {
  const admin = () => app.session(DEMO_PHONES.adminStation1)

  it('a wrong line is marked where it is; the draft is previewed as residents see it, then published for tomorrow', async () => {
    const page = await openPage(browser, app.baseUrl, '/#/pages-staff/prices/index', { careMode: false, login: await admin(), viewport: SIZES[0] })
    try {
      await visible(page, 'price-line').first().waitFor()
      await shot(page, 'subsidy-admin-editor-normal-375')
      await expectAgeFriendly(page, RULES.normal)
      const cleaning = page.locator(`[data-testid="price-line"][data-service-id="${CLEANING}"]:visible`)
      const paid = cleaning.locator('[data-testid="price-paid"] input')
      const low = cleaning.locator('[data-testid="price-low"] input')
      // 低偿 above 标准价: refused next to the line, before anything is sent.
      await low.fill('99')
      await visible(page, 'preview-prices').click()
      await cleaning.locator('[data-testid="line-problem"]').waitFor()
      expect(await cleaning.locator('[data-testid="line-problem"]').innerText()).toContain('优惠价高于标准价')
      await shot(page, 'subsidy-admin-problem-normal-375')
      await low.fill('20')
      await paid.fill('42.5')
      await visible(page, 'preview-prices').click()
      await visible(page, 'price-preview').waitFor()
      const previewed = page.locator(`[data-testid="price-table"]:visible [data-testid="price-item"][data-service-id="${CLEANING}"]`)
      expect(await previewed.locator('[data-tier="paid"] .price-value').innerText()).toBe('¥42.50')
      await shot(page, 'subsidy-admin-preview-normal-375')
      await visible(page, 'go-publish').click()
      await visible(page, 'effective-tomorrow').click()
      expect(await visible(page, 'effective-words').innerText()).toContain('00:00')
      await shot(page, 'subsidy-admin-publish-normal-375')
      await expectAgeFriendly(page, RULES.normal)
      await visible(page, 'publish-confirm').click()
      // The demo's New Year version waits after tomorrow: what it will then change is said, and confirmed, first.
      await visible(page, 'waiting-confirm').waitFor()
      expect(await visible(page, 'waiting-summary').innerText()).toMatch(/本站还有一版已经公示、还没到时间的价格。这次的新价格从 .*00:00 起执行，到 2027年1月1日.*00:00 就会换成那一版的价格/)
      expect(await visible(page, 'waiting-version').innerText()).toMatch(/2027年1月1日[\s\S]*价格会这样变[\s\S]*居家保洁”?：标准价 ¥42\.50 → ¥42\.00/)
      await shot(page, 'subsidy-admin-waiting-normal-375')
      await visible(page, 'waiting-confirm-publish').click()
      await visible(page, 'price-published').waitFor()
      // The demo already has a version waiting for New Year; ours, for tomorrow, sits before it.
      const [, m, d] = tomorrow().split('-').map(Number)
      const ours = page.locator('[data-testid="price-version"][data-status="published"]:visible').filter({ hasText: `${m}月${d}日` })
      expect(await ours.innerText()).toMatch(/已公示，等到生效时间执行[\s\S]*00:00 起执行[\s\S]*居家保洁”?：标准价 ¥40\.00 → ¥42\.50/)
      await shot(page, 'subsidy-admin-published-normal-375')
    } finally {
      await page.close()
    }
    // Stored exactly: 4250 fen, effective tomorrow 00:00 in Shanghai, and the board today still says ¥40.00.
    const versions = (await app.request.get('/api/stations/1/price-versions').expect(200)).body.versions
    const next = versions.find((v: { effectiveFrom: string }) => v.effectiveFrom.startsWith(tomorrow()))
    expect(next.effectiveFrom).toBe(`${tomorrow()}T00:00:00+08:00`)
    expect(next.items.find((i: { serviceId: number }) => i.serviceId === CLEANING).paidFen).toBe(4250)
    const board = (await app.request.get('/api/stations/1/price-board').expect(200)).body
    expect(formatYuan(board.items.find((i: { serviceId: number }) => i.serviceId === CLEANING).paidFen)).toBe('40.00')
  })

  it('the confirm step before a version already waiting, in both modes and widths; 换一个生效时间 publishes nothing', async () => {
    const before = (await app.request.get('/api/stations/1/price-versions').expect(200)).body.versions.length
    for (const { mode, careMode, rules } of MODES) {
      for (const viewport of SIZES) {
        const page = await openPage(browser, app.baseUrl, '/#/pages-staff/prices/index', { careMode, login: await admin(), viewport })
        try {
          await visible(page, 'preview-prices').click()
          await visible(page, 'go-publish').click()
          await visible(page, 'effective-now').click()
          await visible(page, 'publish-confirm').click()
          await visible(page, 'waiting-confirm').waitFor()
          await settle(page)
          // It replaces the buttons just tapped: its first words are on screen, not scrolled past.
          const top = (await visible(page, 'waiting-summary').boundingBox())!.y
          expect([viewport.width, mode, top >= 0 && top < viewport.height / 2]).toEqual([viewport.width, mode, true])
          // From "now", every version still waiting is listed: the demo's New Year one (and tomorrow's, if published above).
          const waiting = (await app.request.get('/api/stations/1/price-versions').expect(200)).body.versions.filter((v: { effectiveFrom: string }) => Date.parse(v.effectiveFrom) > Date.now())
          expect(waiting.length).toBeGreaterThanOrEqual(1)
          expect(await visible(page, 'waiting-summary').innerText()).toContain(`本站还有${waiting.length === 1 ? '一版' : ` ${waiting.length} 版`}已经公示`)
          expect(await visible(page, 'waiting-version').count()).toBe(waiting.length)
          await shot(page, `subsidy-admin-waiting-${mode}-${viewport.width}`)
          await expectAgeFriendly(page, rules)
          await visible(page, 'waiting-back').click()
          await visible(page, 'publish-confirm').waitFor()
        } finally {
          await page.close()
        }
      }
    }
    expect((await app.request.get('/api/stations/1/price-versions').expect(200)).body.versions.length).toBe(before)
  })

  it('the editor in both modes and widths', async () => {
    await everyWay('admin-editor', DEMO_PHONES.adminStation1, '/#/pages-staff/prices/index', 'price-line')
  })
})

describe('the supervisor verifies a tier, adds minutes, and reconciles the month', () => {
  it('finds 王秀英, verifies her as 90+ with a reason and adds 30 minutes; she reads both in 我的补贴', async () => {
    const page = await openPage(browser, app.baseUrl, '/#/pages-supervisor/more/index', { careMode: false, login: await app.session(DEMO_PHONES.supervisor), viewport: SIZES[0] })
    try {
      await visible(page, 'menu-elders').click()
      await visible(page, 'elder-search').waitFor()
      await typeInto(page, 'elder-search', '王秀英')
      await visible(page, 'elder-search-submit').click()
      await visible(page, 'pick-elder').first().click()
      await visible(page, 'tier-form').waitFor()
      await settle(page)
      await shot(page, 'subsidy-supervisor-elder-normal-375')
      await expectAgeFriendly(page, RULES.normal)
      await page.locator('[data-testid="tier-category"][data-value="age_90_plus"]:visible').click()
      await visible(page, 'tier-submit').click()
      // No reason: said in words, nothing sent.
      expect(await visible(page, 'tier-problem').innerText()).toContain('请写明认定依据')
      await typeInto(page, 'tier-reason', '查看了身份证，1934 年出生')
      await page.locator('[data-testid="tier-expiry"][data-value="year"]:visible').click()
      await visible(page, 'tier-submit').click()
      await visible(page, 'tier-saved').waitFor()
      expect(await visible(page, 'tier-saved').innerText()).toContain('王秀英是 90 岁以上老人')
      await page.locator('[data-testid="adjust-kind"][data-value="medical"]:visible').click()
      await typeInto(page, 'adjust-minutes', '30')
      await typeInto(page, 'adjust-reason', '上周陪同就医超时，补回 30 分钟')
      await visible(page, 'adjust-submit').click()
      await page.locator('[data-testid="subsidy-movement"][data-movement="adjust"]:visible').waitFor()
      expect(await visible(page, 'adjust-saved').innerText()).toContain('医疗：本周还剩 1 小时 30 分钟')
      expect(await page.locator('[data-testid="subsidy-balance"][data-kind="medical"]:visible').getAttribute('data-remaining')).toBe('90')
      await shot(page, 'subsidy-supervisor-saved-normal-375')
    } finally {
      await page.close()
    }
    await everyWay('mine', DEMO_PHONES.elderFree, '/#/pages/subsidy/index', 'subsidy-tier', async (page) => {
      expect(await visible(page, 'subsidy-why').innerText()).toBe('您是 90 岁以上老人，助洁、助医等服务免费，每周还有政府购买的服务时长')
      expect(await visible(page, 'subsidy-tier').innerText()).toContain('有效期到')
      expect(await page.locator('[data-testid="subsidy-balance"][data-kind="medical"]:visible').innerText()).toBe('医疗：本周还剩 1 小时 30 分钟（共 1 小时 30 分钟）')
      const adjust = page.locator('[data-testid="subsidy-movement"][data-movement="adjust"]:visible')
      expect(await adjust.innerText()).toContain('工作人员调整：医疗增加 30 分钟')
      expect(await adjust.innerText()).toContain('原因：上周陪同就医超时，补回 30 分钟')
    })
  })

  it('王秀英 reaches 我的补贴 from 我的, and a use of her minutes opens its order', async () => {
    const page = await openPage(browser, app.baseUrl, '/#/pages/mine/index', { careMode: true, login: await asElder(), viewport: SIZES[1] })
    try {
      await visible(page, 'my-subsidy').click()
      await visible(page, 'subsidy-tier').waitFor()
      await settle(page)
      // The visit was tomorrow: its use is in this week's list unless tomorrow is next week.
      const use = page.locator('[data-testid="subsidy-movement"][data-movement="use"]:visible')
      if ((await use.count()) === 0) await page.locator('[data-testid="subsidy-week"][data-value="next"]:visible').click()
      if ((await use.count()) > 0) {
        expect(await use.first().innerText()).toContain('预约服务用了家政 1 小时')
        await use.first().locator('[data-testid="movement-order"]').click()
        await page.waitForURL(new RegExp(`id=${orderId}`))
      }
    } finally {
      await page.close()
    }
  })

  it('我的补贴 shows next week too (a visit booked on Sunday for Monday uses next week’s minutes), said in words', async () => {
    const [y, m, d] = weekStartOf(new Date(Date.now() + 7 * 24 * 3600_000)).split('-').map(Number)
    await everyWay('next-week', DEMO_PHONES.elderFree, '/#/pages/subsidy/index', 'subsidy-tier', async (page, mode) => {
      const next = page.locator('[data-testid="subsidy-week"][data-value="next"]:visible')
      expect(await next.innerText()).toContain('下周')
      await next.click()
      await page.locator('[data-testid="subsidy-week-start"]:visible', { hasText: `${y}年${m}月${d}日` }).waitFor()
      expect(await next.innerText()).toContain('已选')
      expect(await page.locator('[data-testid="subsidy-balance"][data-kind="housekeeping"]:visible').innerText()).toMatch(/^家政：下周还剩 /)
      await settle(page)
      await shot(page, `subsidy-next-week-picked-${mode}-${page.viewportSize()!.width}`)
    })
  })

  it('opens the month’s reconciliation: totals, a chart per station and the CSV', async () => {
    const slotMonth = businessDate(new Date(slotStart)).slice(0, 7)
    await everyWay('report', DEMO_PHONES.supervisor, '/#/pages-supervisor/subsidy/index', 'subsidy-totals', async (page) => {
      const month = page.locator(`[data-testid="report-month"][data-value="${slotMonth}"]:visible`)
      if ((await month.count()) === 0) return
      await month.click()
      await visible(page, 'subsidy-totals').waitFor()
      await settle(page)
      expect(await visible(page, 'subsidy-totals').innerText()).toMatch(/完成订单\s*1 单/)
      expect(await visible(page, 'bar-row').count()).toBeGreaterThanOrEqual(1)
      expect(await visible(page, 'subsidy-elder-row').first().innerText()).toContain('王秀英（无偿）')
    })
    const page = await openPage(browser, app.baseUrl, '/#/pages-supervisor/subsidy/index', { careMode: false, login: await app.session(DEMO_PHONES.supervisor), viewport: SIZES[0] })
    try {
      await visible(page, 'download-csv').waitFor()
      const [download] = await Promise.all([page.waitForEvent('download'), visible(page, 'download-csv').click()])
      expect(download.suggestedFilename()).toMatch(/^补贴对账-\d{4}-\d{2}\.csv$/)
      const text = await download.createReadStream().then(async (s) => {
        const chunks: Buffer[] = []
        for await (const c of s) chunks.push(c as Buffer)
        return Buffer.concat(chunks)
      })
      // UTF-8 with a BOM, so Excel opens the Chinese.
      expect([...text.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      await visible(page, 'csv-downloaded').waitFor()
    } finally {
      await page.close()
    }
  })
})
