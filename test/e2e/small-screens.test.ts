import type { Page } from 'playwright-core'
import { businessDate } from '@carecircle/shared'
import { startTestApp, type TestApp } from '../helpers/test-app'
import { launchBrowser, openPage, screenshot, settle, typeInto, type Browser, visible } from '../helpers/browser'
import { brokenText, coveredOrOffscreen, notWhollyShown } from '../helpers/layout'
import { DEMO_PHONES } from '../../server/src/seed/seed-demo'
import { book, CLEANING } from '../helpers/booking'

/**
 * Small phones (375×667, 320×568) in normal mode and 长辈版: the help bar never breaks a number or a
 * word, and the confirm screen shows what is paid and the button that books without scrolling.
 */
const TOMORROW = businessDate(new Date(Date.now() + 24 * 3600_000))
const SLOT = `${TOMORROW}T09:00:00+08:00`
// 王秀英 (elder 1, 无偿) booked by her daughter 王丽.
const CONFIRM_FOR_MOTHER = `/#/pages/book/confirm/index?serviceId=${CLEANING}&elderId=1&slotStart=${encodeURIComponent(SLOT)}`

const SCREENS = [
  { width: 375, height: 667 },
  { width: 320, height: 568 },
]
const MODES = [
  { mode: 'normal', careMode: false },
  { mode: 'care', careMode: true },
] as const
const CASES = MODES.flatMap((m) => SCREENS.map((s) => ({ ...m, ...s, size: `${s.width}x${s.height}` })))

let app: TestApp
let browser: Browser
let orderId: number // 王秀英's cleaning tomorrow at 10:00, for 我要投诉
beforeAll(async () => {
  ;[app, browser] = await Promise.all([startTestApp({ h5: true }), launchBrowser()])
  const booked = await book(app, await app.login(DEMO_PHONES.elderFree), { elderId: 1, serviceId: CLEANING, slotStart: `${TOMORROW}T10:00:00+08:00` })
  if (booked.status !== 201) throw new Error(`booking for the complaint page failed: ${booked.status} ${JSON.stringify(booked.body)}`)
  orderId = booked.body.id
})
afterAll(async () => {
  await browser?.close()
  await app?.close()
})

const loginAs = (phone: string) => app.session(phone)


describe.each(CASES)('$mode mode at $size', ({ mode, careMode, width, height, size }) => {
  it('the help bar keeps 12349 on one line and breaks no label mid-word', async () => {
    // 王秀英 has all three buttons: 12349, her station and her daughter.
    const page = await openPage(browser, app.baseUrl, '/#/pages/home/index', { careMode, login: await loginAs(DEMO_PHONES.elderFree), viewport: { width, height } })
    try {
      await visible(page, 'call-family').waitFor()
      await visible(page, 'call-station').waitFor()
      await page.screenshot({ path: (await screenshot(page, `help-bar-${mode}-${size}`)).replace(/\.png$/, '-viewport.png') })
      const bar = visible(page, 'help-bar')
      expect(await bar.innerText()).toContain('12349')
      expect(await brokenText(page, '[data-testid="help-bar"]')).toEqual([])
      // The bar stays a bar: at most two rows of buttons, not half the screen.
      const box = (await bar.boundingBox())!
      expect(box.height).toBeLessThanOrEqual(height / 3)
    } finally {
      await page.close()
    }
  })

  it('the confirm screen shows the amount to pay and 确认预约 without scrolling, uncovered', async () => {
    const page = await openPage(browser, app.baseUrl, CONFIRM_FOR_MOTHER, { careMode, login: await loginAs(DEMO_PHONES.family), viewport: { width, height } })
    try {
      await visible(page, 'payable').waitFor()
      await page.screenshot({ path: (await screenshot(page, `confirm-${mode}-${size}`)).replace(/\.png$/, '-viewport.png') })
      expect(await coveredOrOffscreen(page, ['[data-testid="payable"]', '[data-testid="confirm-booking"]'])).toEqual([])
      expect(await brokenText(page, '[data-testid="payable"]')).toEqual([])
      // The help bar is still one tap away on this screen.
      expect(await coveredOrOffscreen(page, ['[data-testid="call-hotline"]'])).toEqual([])
    } finally {
      await page.close()
    }
  })
})

describe.each(MODES)('the station list in $mode mode at 320x568', ({ mode, careMode }) => {
  it('leads each station with the travel time and mode, nearest in time first', async () => {
    const page = await openPage(browser, app.baseUrl, '/#/pages/stations/index', { careMode, viewport: SCREENS[1] })
    try {
      await visible(page, 'station-item').first().waitFor()
      await page.screenshot({ path: (await screenshot(page, `stations-${mode}-320x568`)).replace(/\.png$/, '-viewport.png') })
      const reaches = await visible(page, 'station-reach').allInnerTexts()
      expect(reaches.length).toBeGreaterThan(1)
      for (const r of reaches) expect(r).toMatch(/^(步行|骑电动车|驾车)约 \d+ 分钟 · [\d.]+ (米|公里)$/)
      const minutes = reaches.map((r) => Number(/约 (\d+) 分钟/.exec(r)![1]))
      expect(minutes).toEqual([...minutes].sort((a, b) => a - b))
      expect(await brokenText(page, '[data-testid="station-reach"]')).toEqual([])
    } finally {
      await page.close()
    }
  })
})

describe('the confirm screen as the daughter', () => {
  it('explains the price once, about her mother, not as if she were the elder', async () => {
    const page = await openPage(browser, app.baseUrl, CONFIRM_FOR_MOTHER, { careMode: false, login: await loginAs(DEMO_PHONES.family) })
    try {
      await visible(page, 'payable').waitFor()
      await screenshot(page, 'confirm-daughter')
      const text = await page.locator('.page:visible').innerText()
      expect(text).toContain('王秀英是无偿服务对象')
      expect(text).not.toContain('您是无偿服务对象')
      expect(text.match(/需支付 ¥/g)).toHaveLength(1)
      expect(await visible(page, 'payable').innerText()).toBe('本次需支付 ¥0.00')
    } finally {
      await page.close()
    }
  })

  it('speaks to the elder as 您 when she books for herself', async () => {
    const page = await openPage(browser, app.baseUrl, CONFIRM_FOR_MOTHER, { careMode: false, login: await loginAs(DEMO_PHONES.elderFree) })
    try {
      await visible(page, 'payable').waitFor()
      const text = await page.locator('.page:visible').innerText()
      expect(text).toContain('您是无偿服务对象')
      expect(text).not.toContain('王秀英是')
      expect(await visible(page, 'payable').innerText()).toMatch(/^您需支付 ¥0\.00$/)
    } finally {
      await page.close()
    }
  })
})

/**
 * Issue 15 #22: the task is on the first screen, whole and clear of the sticky bars (help bar on top, nav or pay bar
 * at the bottom), in both modes on both small phones: the first service on 首页, the first time on 选时间, the time,
 * the amount and the button on 确认预约; on 我要投诉 the button is within one screen below the description.
 */
describe.each(CASES)('the task on the first screen in $mode mode at $size', ({ mode, careMode, width, height, size }) => {
  const open = async (path: string, phone: string, testId: string, name: string) => {
    const page = await openPage(browser, app.baseUrl, path, { careMode, login: await loginAs(phone), viewport: { width, height } })
    await visible(page, testId).first().waitFor()
    await settle(page)
    await page.screenshot({ path: (await screenshot(page, `first-screen-${name}-${mode}-${size}`)).replace(/\.png$/, '-viewport.png') })
    return page
  }
  // Help stays one tap away on every one of these screens.
  const HELP = ['[data-testid="call-hotline"]', '[data-testid="call-station"]']

  it('首页: the first service tile, and help', async () => {
    const page = await open('/#/pages/home/index', DEMO_PHONES.elderFree, 'service-tile', 'home')
    try {
      await visible(page, 'call-station').waitFor()
      expect(await notWhollyShown(page, ['[data-testid="service-tile"]', ...HELP, '[data-testid="call-family"]'])).toEqual([])
    } finally {
      await page.close()
    }
  })

  it('选时间: the first time to book', async () => {
    const page = await open(`/#/pages/book/time/index?serviceId=${CLEANING}`, DEMO_PHONES.elderFree, 'slot', 'time')
    try {
      expect(await notWhollyShown(page, ['[data-testid="slot"]', '[data-testid="call-hotline"]'])).toEqual([])
    } finally {
      await page.close()
    }
  })

  it('确认预约: the visit time, the amount to pay and 确认预约', async () => {
    const page = await open(CONFIRM_FOR_MOTHER, DEMO_PHONES.family, 'payable', 'confirm')
    try {
      expect(await notWhollyShown(page, ['[data-testid="visit-time"]', '[data-testid="payable"]', '[data-testid="confirm-booking"]', ...HELP])).toEqual([])
    } finally {
      await page.close()
    }
  })

  it('我要投诉: 提交投诉 is within one screen below the description, the last thing one must fill in', async () => {
    const page = await open(`/#/pages/complaints/new/index?orderId=${orderId}`, DEMO_PHONES.elderFree, 'complaint-description-input', 'complaint')
    try {
      // Filled in as a resident would: a category, then what happened.
      await visible(page, 'complaint-category').first().click()
      await typeInto(page, 'complaint-description-input', '说好的价格和收的钱不一样')
      await visible(page, 'complaint-description-input').scrollIntoViewIfNeeded()
      const { span, room } = await page.evaluate(() => {
        const shown = (id: string) => Array.from(document.querySelectorAll(`[data-testid="${id}"]`)).find((e) => e.checkVisibility())!
        const bars = Array.from(document.querySelectorAll('.help-bar, .bottom-nav, .pay-bar')).filter((e) => e.checkVisibility())
        return {
          // From the end of the text box to the end of the button: what is left to scroll past after typing.
          span: shown('submit-complaint').getBoundingClientRect().bottom - shown('complaint-description-input').getBoundingClientRect().bottom,
          room: window.innerHeight - bars.reduce((h, b) => h + b.getBoundingClientRect().height, 0),
        }
      })
      expect(Math.round(span)).toBeLessThanOrEqual(Math.round(room))
    } finally {
      await page.close()
    }
  })
})
