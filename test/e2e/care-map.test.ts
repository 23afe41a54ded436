import type { Page } from 'playwright-core'
import { startTestApp, bearer, type TestApp } from '../helpers/test-app'
import { launchBrowser, openPage, settle, shot, typeInto, visible, type Browser } from '../helpers/browser'
import { RULES } from '../helpers/age-friendly'
import { MODES, expectAgeFriendly as checkScreen, type Rules } from '../helpers/every-way'
import { DEMO_PHONES } from '../../server/src/seed/seed-demo'
import { sweepCareRounds } from '../../server/src/care-rounds/sweep-rounds'

/**
 * Issue 11 in the browser: the supervisor opens 关爱地图, reads the coverage figures, sees the map and runs the
 * what-if (最佳位置, then a tap on the map); plans weekly rounds for 王秀英; the sweeper gives station 1 the round;
 * the station's worker records 需要帮助 with what help; 王丽 (her daughter) reads it on the parent's records.
 * Each new screen is shot in normal and 长辈版 at 375 and 320 px and checked like age-friendly.test.ts.
 */
const SIZES = [
  { width: 375, height: 812 },
  { width: 320, height: 568 },
] as const
const HELP_NOTE = '腿疼下不了楼，家里米快吃完了'

/** What must never break on these screens: choices, the bottom bar, and every no-wrap run (numbers, dates). */
const expectAgeFriendly = (page: Page, rules: Rules) => checkScreen(page, rules, '.choice-label, .bottom-nav-item, .nowrap')

let app: TestApp
let browser: Browser
beforeAll(async () => {
  ;[app, browser] = await Promise.all([startTestApp({ h5: true }), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await app?.close()
})

/** Opens `path` as `phone` in both modes at both widths, waits for `testId`, runs `look`, shoots and checks each. */
async function everyWay(name: string, phone: string, path: string, testId: string, look?: (page: Page) => Promise<void>) {
  for (const { mode, careMode, rules } of MODES) {
    for (const viewport of SIZES) {
      const page = await openPage(browser, app.baseUrl, path, { careMode, login: await app.session(phone), viewport })
      try {
        await visible(page, testId).first().waitFor()
        await settle(page)
        if (look) await look(page)
        await shot(page, `care-${name}-${mode}-${viewport.width}`)
        await expectAgeFriendly(page, rules)
      } finally {
        await page.close()
      }
    }
  }
}

describe('关爱地图 and 关爱巡访 in the browser', () => {
  it('the supervisor reads the coverage figures, sees the map and finds the best place for one more 驿站', async () => {
    const figures = (await app.request.get('/api/care-map/coverage').set(bearer(await app.login(DEMO_PHONES.supervisor))).expect(200)).body
    await everyWay('map', DEMO_PHONES.supervisor, '/#/pages-supervisor/care-map/index', 'care-map', async (page) => {
      const overall = await visible(page, 'coverage-overall').innerText()
      expect(overall).toContain(`${figures.overall.elders} 位老人中 ${figures.overall.covered} 位在服务圈内`)
      expect(await visible(page, 'coverage-tiers').innerText()).toMatch(/无偿：[\d.]+%/)
      // The map is a picture that really loaded, as wide as the page, with its legend in words.
      const img = visible(page, 'care-map-picture').locator('img')
      expect(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true)
      expect(await img.getAttribute('alt')).toContain('关爱地图')
      expect(await visible(page, 'care-legend').innerText()).toContain('红色虚线框')
      await visible(page, 'what-if-best').click()
      await visible(page, 'what-if-result').waitFor()
      expect(await visible(page, 'what-if-result').innerText()).toMatch(/最佳位置.*能新覆盖 \d+ 位目前在服务圈外的老人.*没有保存/s)
      expect(await visible(page, 'care-legend').innerText()).toContain('试算的新站')
    })
  })

  it('a tap on the map tries that point; nothing is saved', async () => {
    const page = await openPage(browser, app.baseUrl, '/#/pages-supervisor/care-map/index', { careMode: false, login: await app.session(DEMO_PHONES.supervisor), viewport: SIZES[0] })
    try {
      const picture = visible(page, 'care-map-picture')
      await picture.waitFor()
      const box = (await picture.boundingBox())!
      await picture.click({ position: { x: box.width / 2, y: box.height / 2 } })
      await visible(page, 'what-if-result').waitFor()
      expect(await visible(page, 'what-if-result').innerText()).toContain('地图上★处建一个驿站')
      await visible(page, 'what-if-kind').filter({ hasText: '综合体' }).click()
      await visible(page, 'try-cluster').first().click()
      await visible(page, 'what-if-result').waitFor()
      expect(await visible(page, 'what-if-result').innerText()).toContain('综合体（方圆约 2000 米）')
      await shot(page, 'care-map-what-if-cluster-normal-375')
    } finally {
      await page.close()
    }
  })

  it('the supervisor plans weekly visits for 王秀英 (高龄) and sees the plan listed', async () => {
    const page = await openPage(browser, app.baseUrl, '/#/pages-supervisor/care-plans/new/index', { careMode: true, login: await app.session(DEMO_PHONES.supervisor), viewport: SIZES[1] })
    try {
      await typeInto(page, 'elder-search', '王秀英')
      await visible(page, 'elder-search-submit').click()
      await visible(page, 'pick-elder').first().click()
      await visible(page, 'plan-reason').filter({ hasText: '高龄' }).click()
      await visible(page, 'plan-every').filter({ hasText: '7 天' }).click()
      await typeInto(page, 'plan-note', '92 岁，白内障')
      await shot(page, 'care-plan-new-care-320')
      await expectAgeFriendly(page, RULES.care)
      await visible(page, 'plan-submit').click()
      await visible(page, 'plan-saved').waitFor()
      expect(await visible(page, 'plan-saved').innerText()).toContain('王秀英，每 7 天上门走访一次')
    } finally {
      await page.close()
    }
    await everyWay('plans', DEMO_PHONES.supervisor, '/#/pages-supervisor/care-plans/index', 'care-plan', async (page) => {
      expect(await visible(page, 'care-plan').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('王秀英（高龄）')]))
    })
  })

  it('station 1’s worker records 需要帮助 with what help; 王丽 reads it on her mother’s records', async () => {
    await sweepCareRounds(app.deps)
    await everyWay('rounds', DEMO_PHONES.staffStation1, '/#/pages-staff/rounds/index', 'round-task', async (page) => {
      expect(await visible(page, 'round-task').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('王秀英')]))
    })
    const page = await openPage(browser, app.baseUrl, '/#/pages-staff/orders/index', { careMode: true, login: await app.session(DEMO_PHONES.staffStation1), viewport: SIZES[1] })
    try {
      // From 今日订单 (the bottom bar has no room for a fifth item).
      await visible(page, 'open-rounds').click()
      const task = visible(page, 'round-task').filter({ hasText: '王秀英' })
      await task.waitFor()
      await task.locator('[data-testid="round-needs_help"]').click()
      await visible(page, 'round-help-submit').click()
      expect(await page.locator('[role="alert"]:visible').innerText()).toContain('请写明老人需要什么帮助')
      await typeInto(page, 'round-note', HELP_NOTE)
      await shot(page, 'care-round-help-care-320')
      await expectAgeFriendly(page, RULES.care)
      await visible(page, 'round-help-submit').click()
      await visible(page, 'round-recorded').waitFor()
      expect(await visible(page, 'round-recorded').getAttribute('data-outcome')).toBe('needs_help')
    } finally {
      await page.close()
    }
    await everyWay('timeline', DEMO_PHONES.family, '/#/pages/visits/index?elderId=1&name=王秀英', 'round-timeline', async (page) => {
      const lines = await visible(page, 'round-line').allInnerTexts()
      expect(lines[0]).toMatch(/^\d+月\d+日 需要帮助\s*情况：腿疼下不了楼/)
      expect(await visible(page, 'round-plan').innerText()).toContain('每 7 天上门走访一次')
    })
  })

  it('the supervisor’s 巡访情况 page shows this month’s share against the 100% target', async () => {
    await everyWay('coverage', DEMO_PHONES.supervisor, '/#/pages-supervisor/care-rounds/index', 'round-district', async (page) => {
      expect(await visible(page, 'round-district').innerText()).toContain('目标是 100%')
    })
  })
})
