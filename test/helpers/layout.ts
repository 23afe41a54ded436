import type { Page } from 'playwright-core'

export interface BrokenText {
  text: string
  lines: number
}

/**
 * Every visible text node inside `selector` that the browser laid out on more than one line. Used
 * where a break is never right: a phone number ("1234 / 9") or a short label ("打给驿 / 站").
 * Longer sentences are several text nodes on purpose, each of which must fit.
 */
export function brokenText(page: Page, selector: string): Promise<BrokenText[]> {
  return page.evaluate((sel) => {
    const found: { text: string; lines: number }[] = []
    const roots = Array.from(document.querySelectorAll(sel)).filter((el) => el.checkVisibility({ visibilityProperty: true }))
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim()
        if (!text) continue
        const range = document.createRange()
        range.selectNodeContents(node)
        // One rect per line box (and per bidi run): a rect that starts below the last one is a new line.
        const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0).sort((a, b) => a.top - b.top)
        let lines = rects.length > 0 ? 1 : 0
        for (let i = 1, bottom = rects[0]?.bottom ?? 0; i < rects.length; i++) {
          if (rects[i].top >= bottom - 2) lines++
          bottom = Math.max(bottom, rects[i].bottom)
        }
        if (lines > 1) found.push({ text, lines })
      }
    }
    return found
  }, selector)
}

/**
 * The elements (first visible match of each selector) that are not fully inside the viewport as
 * it first shows, or whose centre is covered by something else (a sticky bar, a dialog).
 */
export function coveredOrOffscreen(page: Page, selectors: string[]): Promise<string[]> {
  return page.evaluate((sels) => {
    const problems: string[] = []
    for (const sel of sels) {
      const el = Array.from(document.querySelectorAll(sel)).find((e) => e.checkVisibility({ visibilityProperty: true, opacityProperty: true }))
      if (!el) {
        problems.push(`${sel}: not shown`)
        continue
      }
      const r = el.getBoundingClientRect()
      if (r.top < 0 || r.left < 0 || r.bottom > window.innerHeight + 0.5 || r.right > window.innerWidth + 0.5) {
        problems.push(`${sel}: at ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)} in a ${window.innerWidth}×${window.innerHeight} screen`)
        continue
      }
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
      if (!hit || !(el === hit || el.contains(hit))) problems.push(`${sel}: covered by <${hit?.tagName.toLowerCase()} class="${hit?.className}">`)
    }
    return problems
  }, selectors)
}
