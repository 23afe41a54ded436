import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { H5_DIR } from './test-app'

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
export const SCREENSHOT_DIR = path.resolve(__dirname, '../../test-results/screenshots')
/** A phone-sized viewport (iPhone 12–15 logical size). */
export const VIEWPORT = { width: 390, height: 844 }

// ../shared/TOOLCHAIN.md: what Debian's Chromium needs in a container with no internet.
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
]

/** Browser tests need Chromium and the H5 build; say plainly what is missing and how to get it. */
export function assertBrowserPrerequisites(): void {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: run \`apt-get update && apt-get install -y chromium\` (.ci/run does this), or set CHROMIUM_PATH.`)
  }
  if (!fs.existsSync(path.join(H5_DIR, 'index.html'))) {
    throw new Error(`The H5 build is missing (${H5_DIR}/index.html): run \`npm run build:h5\` first (\`npm test\` does).`)
  }
}

export interface Browser {
  context: BrowserContext
  close(): Promise<void>
}

export async function launchBrowser(): Promise<Browser> {
  assertBrowserPrerequisites()
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: VIEWPORT,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  return {
    context,
    async close() {
      await context.close()
      fs.rmSync(profile, { recursive: true, force: true })
    },
  }
}

/**
 * Keys the mini-program keeps in Taro storage (localStorage on H5, as {"data": value}):
 * miniapp/src/lib/care-mode.ts (长辈版) and miniapp/src/auth/session.ts (login).
 */
export const STORAGE_KEYS = { careMode: 'cc.careMode', token: 'cc.token', user: 'cc.user' } as const

export interface OpenOptions {
  careMode: boolean
  /** A dev-login answer to start the page logged in. */
  login?: { token: string; user: unknown }
  /** Another screen size than VIEWPORT, e.g. a small phone (320×568). */
  viewport?: { width: number; height: number }
}

/** A new tab with the mode and login already in storage, at `hashPath` (e.g. '/#/pages/home/index'), loaded and settled. */
export async function openPage(browser: Browser, baseUrl: string, hashPath: string, opts: OpenOptions): Promise<Page> {
  const page = await browser.context.newPage()
  if (opts.viewport) await page.setViewportSize(opts.viewport)
  const storage: Record<string, string> = { [STORAGE_KEYS.careMode]: JSON.stringify({ data: opts.careMode }) }
  if (opts.login) {
    storage[STORAGE_KEYS.token] = JSON.stringify({ data: opts.login.token })
    storage[STORAGE_KEYS.user] = JSON.stringify({ data: opts.login.user })
  }
  await page.addInitScript((items: Record<string, string>) => {
    // Anything the Content-Security-Policy blocks is recorded (see cspViolations).
    const violations: string[] = ((window as any).__cspViolations = [])
    document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI || 'inline'}`))
    localStorage.clear()
    for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v)
  }, storage)
  await page.goto(baseUrl + hashPath, { waitUntil: 'load' })
  await settle(page)
  return page
}

/** What the page's Content-Security-Policy refused so far: an H5 page must work under it with none. */
export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as any).__cspViolations as string[])
}

/** Waits until the page has rendered, nothing is loading and the network is quiet. */
export async function settle(page: Page): Promise<void> {
  // Taro H5 keeps earlier pages of the stack in the DOM, hidden: wait for the one on screen.
  await page.waitForSelector('.page:visible', { timeout: 20_000 })
  await page.waitForLoadState('networkidle')
  await page.locator('[data-testid="loading"]:visible').first().waitFor({ state: 'detached', timeout: 20_000 })
  // Let fonts and the last React commit land before measuring.
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))))
}

/**
 * Saves test-results/screenshots/<name>.png of the whole page. Taro's H5 pages scroll inside their own
 * container, not the document, so the viewport is stretched to the content's height for the shot.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`)
  const viewport = page.viewportSize() ?? VIEWPORT
  const contentHeight = await page.evaluate(() => Math.max(...Array.from(document.querySelectorAll('body, body *'), (el) => el.scrollHeight)))
  const height = Math.min(Math.max(contentHeight, viewport.height), 16_000)
  if (height > viewport.height) await page.setViewportSize({ width: viewport.width, height })
  try {
    await page.screenshot({ path: file, fullPage: true })
  } finally {
    if (height > viewport.height) await page.setViewportSize(viewport)
  }
  return file
}

/** The visible element with this data-testid (Taro renders hidden copies of some pages). */
export const visible = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"]:visible`)

/** Waits for the page to settle, then saves a screenshot under test-results/screenshots. */
export async function shot(page: Page, name: string): Promise<void> {
  await settle(page)
  await screenshot(page, name)
}

/** Types into a Taro field (its real <textarea>/<input> sits inside the component). */
export async function typeInto(page: Page, testId: string, text: string): Promise<void> {
  await visible(page, testId).locator('textarea, input').first().fill(text)
}
