import type { Page } from 'playwright-core'
import { startTestApp, bearer, type TestApp } from '../helpers/test-app'
import { launchBrowser, openPage, screenshot, STORAGE_KEYS, type Browser, visible } from '../helpers/browser'
import { DEMO_PHONES } from '../../server/src/seed/seed-demo'

/** 我的 → 退出登录: the token stops working on the server, and the phone forgets it. */
let app: TestApp
let browser: Browser
beforeAll(async () => {
  ;[app, browser] = await Promise.all([startTestApp({ h5: true }), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await app?.close()
})


it('退出登录 on 我的 ends the session on the server and clears it on the phone', async () => {
  const login = await app.session(DEMO_PHONES.family)
  const token = login.token
  const page = await openPage(browser, app.baseUrl, '/#/pages/mine/index', { careMode: true, login })
  try {
    await visible(page, 'logout').click()
    await page.waitForFunction((key) => localStorage.getItem(key) === null, STORAGE_KEYS.token, { timeout: 10_000 })
    await page.waitForURL(/pages\/home\/index/, { timeout: 10_000 })
    await screenshot(page, 'logout-done')
    const after = await app.request.get('/api/me').set(bearer(token))
    expect(after.status).toBe(401)
  } finally {
    await page.close()
  }
})
