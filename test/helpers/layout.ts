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

/**
 * Visible text that runs out of a box it belongs to — past the right or left edge of any block (or flex item)
 * around it, up to a horizontal scroll area, or of the screen: a button label wider than the button, a no-wrap run
 * wider than a card.
 */
export function overflowingText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = []
    /** The narrowest left/right edges of the boxes around an element (inline ones have no edges of their own). */
    const boxOf = (el: Element | null): { left: number; right: number; el: Element } | null => {
      let left = -Infinity
      let right = Infinity
      let narrowest: Element | null = null
      for (let e = el; e && e !== document.documentElement; e = e.parentElement) {
        const style = getComputedStyle(e)
        if (style.overflowX === 'auto' || style.overflowX === 'scroll') break
        if (style.display === 'inline' || style.display === 'contents') continue
        const r = e.getBoundingClientRect()
        if (r.right < right || r.left > left) narrowest = e
        left = Math.max(left, r.left)
        right = Math.min(right, r.right)
      }
      return narrowest && { left, right, el: narrowest }
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim()
      const parent = node.parentElement
      if (!text || !parent || !parent.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue
      const b = boxOf(parent)
      if (!b) continue
      const box = b.el
      const range = document.createRange()
      range.selectNodeContents(node)
      for (const r of Array.from(range.getClientRects())) {
        if (r.width === 0) continue
        if (r.right > Math.min(b.right, window.innerWidth) + 1 || r.left < Math.max(b.left, 0) - 1) {
          found.push(`"${text.slice(0, 24)}" runs ${Math.round(Math.max(r.right - Math.min(b.right, window.innerWidth), Math.max(b.left, 0) - r.left))} px out of <${box.tagName.toLowerCase()} class="${box.className}">`)
          break
        }
      }
    }
    return found
  })
}
