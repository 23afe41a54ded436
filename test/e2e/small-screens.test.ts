import type { Page } from 'playwright-core'
import { businessDate } from '@carecircle/shared'
import { startTestApp, type TestApp } from '../helpers/test-app'
import { launchBrowser, openPage, screenshot, type Browser, visible } from '../helpers/browser'
import { brokenText, coveredOrOffscreen } from '../helpers/layout'
import { DEMO_PHONES } from '../../server/src/seed/seed-demo'
import { CLEANING } from '../helpers/booking'

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
beforeAll(async () => {
  ;[app, browser] = await Promise.all([startTestApp({ h5: true }), launchBrowser()])
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
