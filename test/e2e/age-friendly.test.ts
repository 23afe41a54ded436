import { startTestApp, type TestApp } from '../helpers/test-app'
import { launchBrowser, openPage, screenshot, type Browser } from '../helpers/browser'
import { RULES, axeViolations, smallTargets, smallText } from '../helpers/age-friendly'
import { midWordBreaks, overflowingText } from '../helpers/layout'
import { businessDate } from '@carecircle/shared'
import { DEMO_PHONES, adminPhone } from '../../server/src/seed/seed-demo'
import { book, CLEANING } from '../helpers/booking'

// Booking pages need a real future slot: tomorrow 09:00 in Shanghai (cleaning runs 08:00–18:00).
const TOMORROW = businessDate(new Date(Date.now() + 24 * 3600_000))
const SLOT = `${TOMORROW}T09:00:00+08:00`

/**
 * Every page of the mini-program, one line each; each is checked in normal mode and in 长辈版.
 * `login` names the demo account to be logged in as; `{orderId}` is an order booked for 李建国 (elder 2) at 10:00.
 */
const PAGES: { name: string; path: string; login?: string }[] = [
  { name: 'home', path: '/#/pages/home/index' },
  { name: 'services', path: '/#/pages/services/index' },
  { name: 'stations', path: '/#/pages/stations/index' },
  { name: 'price-board', path: '/#/pages/price-board/index?id=1' },
  { name: 'login', path: '/#/pages/login/index' },
  { name: 'mine', path: '/#/pages/mine/index', login: DEMO_PHONES.family },
  { name: 'book-time', path: `/#/pages/book/time/index?serviceId=${CLEANING}`, login: DEMO_PHONES.elderLow },
  { name: 'book-confirm', path: `/#/pages/book/confirm/index?serviceId=${CLEANING}&elderId=2&slotStart=${encodeURIComponent(SLOT)}`, login: DEMO_PHONES.elderLow },
  { name: 'orders', path: '/#/pages/orders/index', login: DEMO_PHONES.elderLow },
  { name: 'order-detail', path: '/#/pages/orders/detail/index?id={orderId}', login: DEMO_PHONES.elderLow },
  { name: 'staff-orders', path: '/#/pages-staff/orders/index', login: DEMO_PHONES.staffStation1 },
  { name: 'supervisor-unassigned', path: '/#/pages-supervisor/unassigned/index', login: DEMO_PHONES.supervisor },
  // Complaints (issue 8): `{complaintId}` is a fee complaint about that order; `{stationAdmin}` is the admin of its station.
  { name: 'complaint-new', path: '/#/pages/complaints/new/index?orderId={orderId}', login: DEMO_PHONES.elderLow },
  { name: 'complaints', path: '/#/pages/complaints/index', login: DEMO_PHONES.elderLow },
  { name: 'complaint-detail', path: '/#/pages/complaints/detail/index?id={complaintId}', login: DEMO_PHONES.elderLow },
  { name: 'messages', path: '/#/pages/messages/index', login: DEMO_PHONES.elderLow },
  { name: 'staff-complaints', path: '/#/pages-staff/complaints/index', login: '{stationAdmin}' },
  { name: 'staff-complaint-detail', path: '/#/pages-staff/complaints/detail/index?id={complaintId}', login: '{stationAdmin}' },
  { name: 'supervisor-complaints', path: '/#/pages-supervisor/complaints/index', login: DEMO_PHONES.supervisor },
  { name: 'supervisor-complaint-detail', path: '/#/pages-supervisor/complaints/detail/index?id={complaintId}', login: DEMO_PHONES.supervisor },
  // Supervision (issue 8).
  { name: 'supervisor-more', path: '/#/pages-supervisor/more/index', login: DEMO_PHONES.supervisor },
  { name: 'supervisor-stations', path: '/#/pages-supervisor/stations/index', login: DEMO_PHONES.supervisor },
  { name: 'supervisor-inspections', path: '/#/pages-supervisor/inspections/index', login: DEMO_PHONES.supervisor },
  { name: 'supervisor-charges', path: '/#/pages-supervisor/charges/index', login: DEMO_PHONES.supervisor },
  { name: 'honour-board', path: '/#/pages/honour-board/index' },
  { name: 'supervisor-figures', path: '/#/pages-supervisor/figures/index', login: DEMO_PHONES.supervisor },
  // Family binding, profiles, visit records and phone-in booking (issue 9); the visit record itself is in family-binding.test.ts.
  { name: 'family', path: '/#/pages/family/index', login: DEMO_PHONES.family },
  { name: 'family-helpers', path: '/#/pages/family/index', login: DEMO_PHONES.elderFree },
  { name: 'family-invite', path: '/#/pages/family/invite/index', login: DEMO_PHONES.elderFree },
  { name: 'family-bind', path: '/#/pages/family/bind/index?code=123456', login: DEMO_PHONES.familyUnbound },
  { name: 'family-new-elder', path: '/#/pages/family/new-elder/index', login: DEMO_PHONES.family },
  { name: 'visits', path: '/#/pages/visits/index?elderId=1', login: DEMO_PHONES.family },
  { name: 'staff-phone-order', path: '/#/pages-staff/phone-order/index', login: DEMO_PHONES.staffStation1 },
  { name: 'staff-pending-elders', path: '/#/pages-staff/pending-elders/index', login: DEMO_PHONES.staffStation1 },
  // Prices and subsidies (issue 10); the flows themselves are in subsidy.test.ts.
  { name: 'price-board-elder', path: '/#/pages/price-board/index?id=1', login: DEMO_PHONES.elderFree },
  { name: 'price-compare', path: `/#/pages/price-compare/index?elderId=2&serviceId=${CLEANING}&stationId=1`, login: DEMO_PHONES.elderLow },
  { name: 'subsidy', path: '/#/pages/subsidy/index', login: DEMO_PHONES.elderLow },
  { name: 'subsidy-family', path: '/#/pages/subsidy/index', login: DEMO_PHONES.family },
  { name: 'staff-prices', path: '/#/pages-staff/prices/index', login: DEMO_PHONES.adminStation1 },
  { name: 'supervisor-elders', path: '/#/pages-supervisor/elders/index', login: DEMO_PHONES.supervisor },
  { name: 'supervisor-subsidy', path: '/#/pages-supervisor/subsidy/index', login: DEMO_PHONES.supervisor },
  // Care map and care rounds (issue 11); the rounds with a task to record are in care-map.test.ts.
  { name: 'supervisor-care-map', path: '/#/pages-supervisor/care-map/index', login: DEMO_PHONES.supervisor },
  { name: 'supervisor-care-plans', path: '/#/pages-supervisor/care-plans/index', login: DEMO_PHONES.supervisor },
  { name: 'supervisor-care-plan-new', path: '/#/pages-supervisor/care-plans/new/index', login: DEMO_PHONES.supervisor },
  { name: 'supervisor-care-rounds', path: '/#/pages-supervisor/care-rounds/index', login: DEMO_PHONES.supervisor },
  { name: 'staff-rounds', path: '/#/pages-staff/rounds/index', login: DEMO_PHONES.staffStation1 },
]

// Each page in normal mode and 长辈版 on a common phone, and in 长辈版 on the narrowest one (320×568), where words break.
const MODES = [
  { mode: 'normal', careMode: false, rules: RULES.normal, viewport: undefined },
  { mode: 'care', careMode: true, rules: RULES.care, viewport: undefined },
  { mode: 'care-320', careMode: true, rules: RULES.care, viewport: { width: 320, height: 568 } },
] as const

let app: TestApp
let browser: Browser
let orderId: number
let complaintId: number
let stationAdmin: string
beforeAll(async () => {
  ;[app, browser] = await Promise.all([startTestApp({ h5: true }), launchBrowser()])
  const booked = await book(app, await app.login(DEMO_PHONES.elderLow), { elderId: 2, serviceId: CLEANING, slotStart: `${TOMORROW}T10:00:00+08:00` })
  if (booked.status !== 201 && booked.status !== 200) throw new Error(`booking for the order page failed: ${booked.status} ${JSON.stringify(booked.body)}`)
  orderId = booked.body.id
  stationAdmin = adminPhone(booked.body.station.id)
  const filed = await app.request
    .post('/api/complaints')
    .set({ Authorization: `Bearer ${await app.login(DEMO_PHONES.elderLow)}` })
    .send({ orderId, category: 'fee', description: '说好的价格和收的钱不一样', anonymous: false })
  if (filed.status !== 201) throw new Error(`filing the complaint for the complaint pages failed: ${filed.status} ${JSON.stringify(filed.body)}`)
  complaintId = filed.body.id
})
afterAll(async () => {
  await browser?.close()
  await app?.close()
})

const loginAs = (phone: string) => app.session(phone)

describe.each(MODES)('$mode mode', ({ mode, careMode, rules, viewport }) => {
  const check = async ({ name, path, login }: (typeof PAGES)[number]) => {
    const url = path.replace('{orderId}', String(orderId)).replace('{complaintId}', String(complaintId))
    const phone = login === '{stationAdmin}' ? stationAdmin : login
    const page = await openPage(browser, app.baseUrl, url, { careMode, viewport, login: phone ? await loginAs(phone) : undefined })
    try {
      await screenshot(page, `age-friendly-${name}-${mode}`)
      // The mode really is on (the storage key is the one the mini-program reads).
      await page.waitForSelector(`[data-care-mode="${careMode ? 'on' : 'off'}"]`, { timeout: 5000 })
      expect(await page.locator('[data-testid="error-state"]').count()).toBe(0)
      const problems = {
        axe: await axeViolations(page),
        [`text under ${rules.minFontPx}px`]: await smallText(page, rules.minFontPx),
        [`targets under ${rules.minTargetPx}x${rules.minTargetPx}px`]: await smallTargets(page, rules.minTargetPx),
        'text out of its box': await overflowingText(page),
        'words broken mid-word': await midWordBreaks(page),
      }
      expect(problems).toEqual({ axe: [], [`text under ${rules.minFontPx}px`]: [], [`targets under ${rules.minTargetPx}x${rules.minTargetPx}px`]: [], 'text out of its box': [], 'words broken mid-word': [] })
    } finally {
      await page.close()
    }
  }
  it.each(PAGES)('$name is age-friendly', check)
})

// The checks must be able to fail: a page with one of each problem, and one without.
describe('the checks themselves', () => {
  const FIXTURE = `<!doctype html><html lang="zh-CN"><head><title>fixture</title></head><body style="font-size:18px">
    <main>
      <p>正常的文字</p>
      <p id="tiny" style="font-size:12px">太小的字</p>
      <p style="color:#bbb">对比度不够的字</p>
      <button id="small" style="width:30px;height:30px;font-size:18px">小</button>
      <button style="width:60px;height:60px;font-size:18px">大</button>
      <div style="cursor:pointer;width:100px;height:20px"><span>可点的细条</span></div>
      <p style="display:none;font-size:8px">看不见的小字</p>
    </main></body></html>`

  it('find small text, small targets and poor contrast — and nothing hidden', async () => {
    const page = await browser.context.newPage()
    try {
      await page.setContent(FIXTURE)
      expect(await smallText(page, 16)).toEqual([{ text: '太小的字', px: 12 }])
      expect((await smallTargets(page, 48)).map((t) => t.what)).toEqual(['<button> 小', '<div> 可点的细条'])
      expect((await axeViolations(page)).map((v) => v.id)).toContain('color-contrast')
      expect((await smallText(page, 24)).map((t) => t.text)).toContain('正常的文字')
      expect((await smallTargets(page, 60)).map((t) => t.what)).not.toContain('<button> 大')
    } finally {
      await page.close()
    }
  })

  it('find text that runs out of its box (a no-wrap label wider than its button), and not text that wraps', async () => {
    const page = await browser.context.newPage()
    try {
      await page.setContent(`<main><div style="display:flex;width:120px;font-size:24px"><span style="white-space:nowrap">需要帮助（写明情况）</span></div>
        <div style="width:120px;font-size:24px">需要帮助（写明情况）</div></main>`)
      const found = await overflowingText(page)
      expect(found).toHaveLength(1)
      expect(found[0]).toMatch(/^"需要帮助（写明情况）" runs \d+ px out of <div/)
    } finally {
      await page.close()
    }
  })

  it('find a number, a date or a short label broken mid-word — and not a sentence (also in a tappable card), a break at a space or a phrase too wide to fit', async () => {
    const page = await browser.context.newPage()
    try {
      await page.setContent(`<main style="font-size:24px;line-height:1.5">
        <div role="button" style="width:230px">长辈版（大字大按钮）</div>
        <div style="width:75px">约 1 小时</div>
        <div style="width:110px">12月7日 09:00</div>
        <div style="width:85px;overflow-wrap:anywhere">¥120.00元</div>
        <p style="width:200px">点一下驿站，看它的收费标准，再决定要不要预约。</p>
        <div role="button" style="width:100px">看老人的预约记录</div>
        <div role="button" style="width:200px"><div>陪同到医院挂号、看病、取药，送回家中</div></div>
        <div role="button" style="width:180px;word-break:keep-all">长辈版（大字大按钮）</div>
        <div style="width:80px">约 <span style="white-space:nowrap">1 小时</span></div>
      </main>`)
      const found = await midWordBreaks(page)
      expect(found).toHaveLength(3)
      expect(found[0]).toBe('label "长辈版（大字大按钮）" breaks mid-word: "长辈版（大字大按/钮）"')
      expect(found[1]).toBe('"1 小时" breaks: "约 1 /小时"')
      expect(found[2]).toMatch(/^"¥120\.00" breaks: "¥[\d.]+\/[\d.]+元"$/)
    } finally {
      await page.close()
    }
  })

  it('find a page without a main landmark and content outside landmarks', async () => {
    const page = await browser.context.newPage()
    try {
      await page.setContent(FIXTURE.replace('<main>', '<div>').replace('</main>', '</div>'))
      expect((await axeViolations(page)).map((v) => v.id)).toEqual(expect.arrayContaining(['landmark-one-main', 'region']))
      await page.setContent(FIXTURE)
      expect((await axeViolations(page)).map((v) => v.id)).not.toEqual(expect.arrayContaining(['landmark-one-main']))
      expect((await axeViolations(page)).map((v) => v.id)).not.toContain('region')
    } finally {
      await page.close()
    }
  })
})
