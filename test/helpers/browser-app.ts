import { startTestApp, type TestApp } from './test-app'
import { launchBrowser, type Browser } from './browser'

export interface BrowserApp {
  app: TestApp
  browser: Browser
  /** The server's clock: real time while null; a test sets it to check a visit in and out at its slot. */
  now: Date | null
}

/** An H5 test app and a browser for one test file (started in beforeAll, closed in afterAll). */
export function useBrowserApp(): BrowserApp {
  const ctx = { now: null } as BrowserApp
  beforeAll(async () => {
    ;[ctx.app, ctx.browser] = await Promise.all([startTestApp({ h5: true, clock: () => ctx.now ?? new Date() }), launchBrowser()])
  })
  afterAll(async () => {
    await ctx.browser?.close()
    await ctx.app?.close()
  })
  return ctx
}
