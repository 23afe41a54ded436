import fs from 'node:fs'
import type { Page } from 'playwright-core'

/**
 * The brief's age-friendly rules as browser checks (MIIT 适老化规范, WeChat 适老化指南): each returns
 * the offending elements, described so a failure message says what to fix.
 */
export const RULES = {
  normal: { minFontPx: 16, minTargetPx: 48 },
  // 长辈版 scales text to at least 24 px and controls to at least 60 px (../shared/BRIEF.md).
  care: { minFontPx: 24, minTargetPx: 60 },
} as const

const AXE = require.resolve('axe-core/axe.min.js')

export interface AxeFinding {
  id: string
  impact: string
  help: string
  targets: string[]
}

/**
 * Rules counted whatever their impact: every page has one main landmark and no content outside
 * landmarks, so a screen reader can jump past the help bar to the page and back to help.
 */
export const ALWAYS_COUNTED = ['landmark-one-main', 'region']

/** axe-core's serious and critical violations (contrast, names, roles…) and the landmark rules; other minor ones are not counted. */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  // Evaluated through the DevTools protocol, not as an inline <script>: the page's CSP refuses those, as it should.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(fs.readFileSync(AXE, 'utf8'))
  return page.evaluate(async (always) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: any[] }> } }).axe
    const { violations } = await axe.run(document, { resultTypes: ['violations'] })
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical' || always.includes(v.id))
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n: { target: string[] }) => n.target.join(' ')) }))
  }, ALWAYS_COUNTED)
}

export interface SmallText {
  text: string
  px: number
}

/** Every visible piece of text whose computed font size is under `minPx`. */
export function smallText(page: Page, minPx: number): Promise<SmallText[]> {
  return page.evaluate((min) => {
    const found: { text: string; px: number }[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim()
      const el = node.parentElement
      if (!text || !el || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(el.tagName)) continue
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue
      const range = document.createRange()
      range.selectNodeContents(node)
      const box = range.getBoundingClientRect()
      if (box.width === 0 || box.height === 0) continue
      const px = parseFloat(getComputedStyle(el).fontSize)
      if (px < min - 0.01) found.push({ text: text.slice(0, 40), px })
    }
    return found
  }, minPx)
}

export interface SmallTarget {
  what: string
  width: number
  height: number
}

/**
 * Every visible tappable element smaller than `minPx` × `minPx`: native controls, ARIA widgets,
 * focusable elements, onclick handlers, and the outermost element showing a pointer cursor.
 * A tappable inside a bigger tappable is measured as part of it.
 */
export function smallTargets(page: Page, minPx: number): Promise<SmallTarget[]> {
  return page.evaluate((min) => {
    const SELECTOR = [
      'button', 'a[href]', 'input:not([type="hidden"])', 'select', 'textarea', 'summary', '[onclick]',
      '[role="button"]', '[role="link"]', '[role="switch"]', '[role="checkbox"]', '[role="radio"]', '[role="tab"]', '[role="menuitem"]', '[role="option"]',
      '[tabindex]:not([tabindex="-1"])',
    ].join(',')
    const pointer = (el: Element | null) => !!el && getComputedStyle(el).cursor === 'pointer'
    const candidates = new Set<Element>(Array.from(document.querySelectorAll(SELECTOR)))
    for (const el of Array.from(document.body.querySelectorAll('*'))) if (pointer(el) && !pointer(el.parentElement)) candidates.add(el)
    const found: { what: string; width: number; height: number }[] = []
    for (const el of candidates) {
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue
      let outer = el.parentElement
      while (outer && !candidates.has(outer)) outer = outer.parentElement
      if (outer) continue
      const { width, height } = el.getBoundingClientRect()
      if (width === 0 && height === 0) continue
      if (width < min - 0.5 || height < min - 0.5) {
        const label = el.getAttribute('aria-label') || (el as HTMLElement).innerText || el.getAttribute('data-testid') || el.className.toString()
        found.push({ what: `<${el.tagName.toLowerCase()}> ${label.trim().replace(/\s+/g, ' ').slice(0, 40)}`, width: Math.round(width), height: Math.round(height) })
      }
    }
    return found
  }, minPx)
}
