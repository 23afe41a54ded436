import { sql } from 'drizzle-orm'
import { formatYuan } from '@carecircle/shared'
import { startTestApp, type TestApp } from '../helpers/test-app'
import { rows } from '../helpers/test-database'
import { cspViolations, launchBrowser, openPage, screenshot, type Browser } from '../helpers/browser'

let app: TestApp
let browser: Browser
/** One price made odd in the database (not a round number of yuan): the page can only show it by reading it. */
const ODD_SERVICE = 2
let oddPaidFen: number
beforeAll(async () => {
  ;[app, browser] = await Promise.all([startTestApp({ h5: true }), launchBrowser()])
  const [current] = await storedPrices().then((all) => all.filter((p) => p.service_id === ODD_SERVICE))
  oddPaidFen = current.paid_fen + 37
  await app.database.db.execute(sql`UPDATE price_items SET paid_fen = ${oddPaidFen} WHERE price_version_id = ${current.version_id} AND service_id = ${ODD_SERVICE}`)
})
afterAll(async () => {
  await browser?.close()
  await app?.close()
})

interface StoredPrice {
  version_id: number
  service_id: number
  name: string
  unit: string
  free_fen: number
  low_fen: number
  paid_fen: number
}

/** What station 1's board must show: the newest version already in force, read straight from price_items. */
async function storedPrices(): Promise<StoredPrice[]> {
  return rows<StoredPrice>(
    app.database,
    sql`SELECT pi.price_version_id AS version_id, pi.service_id, sv.name, sv.unit, pi.free_fen, pi.low_fen, pi.paid_fen
        FROM price_items pi JOIN services sv ON sv.id = pi.service_id
        WHERE pi.price_version_id = (
          SELECT id FROM price_versions WHERE station_id = 1 AND effective_from <= UTC_TIMESTAMP(3) ORDER BY effective_from DESC, id DESC LIMIT 1)
        ORDER BY pi.service_id`,
  )
}

describe.each([
  ['normal', false],
  ['care', true],
])('the price board of station 1 in %s mode', (mode, careMode) => {
  it('shows the operator and, for every service, each tier’s price exactly as stored', async () => {
    const stored = await storedPrices()
    expect(stored.length).toBeGreaterThanOrEqual(12)
    expect(stored.find((p) => p.service_id === ODD_SERVICE)?.paid_fen).toBe(oddPaidFen)

    const page = await openPage(browser, app.baseUrl, '/#/pages/price-board/index?id=1', { careMode })
    try {
      await page.waitForSelector('[data-testid="price-board"]')
      await screenshot(page, `price-board-station-1-${mode}`)
      const [operator] = await rows<{ name: string; licence_no: string }>(app.database, sql`SELECT o.name, o.licence_no FROM operators o JOIN stations s ON s.operator_id = o.id WHERE s.id = 1`)
      const board = page.getByTestId('price-board')
      await expect(board.innerText()).resolves.toContain(operator.name)
      await expect(board.innerText()).resolves.toContain(operator.licence_no)
      await expect(board.innerText()).resolves.toContain('12349')

      expect(await page.getByTestId('price-item').count()).toBe(stored.length)
      for (const p of stored) {
        const item = page.locator(`[data-testid="price-item"][data-service-id="${p.service_id}"]`)
        await expect(item.innerText()).resolves.toContain(p.name)
        // The unit is said once per service ("按小时计价"); each tier's cell has its price.
        await expect(item.innerText()).resolves.toContain(`按${p.unit}计价`)
        const shown = async (tier: string) => (await item.locator(`[data-tier="${tier}"] .price-value`).innerText()).trim()
        expect(await shown('paid')).toBe(`¥${formatYuan(p.paid_fen)}`)
        expect(await shown('low')).toBe(`¥${formatYuan(p.low_fen)}`)
        expect(await shown('free')).toBe(`¥${formatYuan(p.free_fen)}`)
      }
    } finally {
      await page.close()
    }
  })
})

it('an unknown station says so in plain words', async () => {
  const page = await openPage(browser, app.baseUrl, '/#/pages/price-board/index?id=9999', { careMode: false })
  try {
    await page.waitForSelector('[data-testid="error-state"]')
    const text = await page.getByTestId('error-state').innerText()
    expect(text).toMatch(/[\u4e00-\u9fa5]/)
    expect(text).not.toMatch(/NOT_FOUND|404|undefined|null/)
    await screenshot(page, 'price-board-unknown-station')
  } finally {
    await page.close()
  }
})

describe('security headers', () => {
  it('the H5 page is served with a Content-Security-Policy it works under: nothing refused, the board renders', async () => {
    const res = await fetch(`${app.baseUrl}/`)
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/)
    expect(csp).toContain("frame-ancestors 'none'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')

    const page = await openPage(browser, app.baseUrl, '/#/pages/price-board/index?id=1', { careMode: true })
    try {
      await page.waitForSelector('[data-testid="price-board"]')
      expect(await page.getByTestId('price-board').innerText()).toContain('运营单位')
      expect(await cspViolations(page)).toEqual([])
    } finally {
      await page.close()
    }
  })
})
