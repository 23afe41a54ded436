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
    const boxOf = (el: Element | null): { left: number; right: number; el: Element; scrolled: boolean } | null => {
      let left = -Infinity
      let right = Infinity
      let narrowest: Element | null = null
      let scrolled = false
      for (let e = el; e && e !== document.documentElement; e = e.parentElement) {
        const style = getComputedStyle(e)
        if (style.overflowX === 'auto' || style.overflowX === 'scroll') {
          scrolled = true
          break
        }
        if (style.display === 'inline' || style.display === 'contents') continue
        const r = e.getBoundingClientRect()
        if (r.right < right || r.left > left) narrowest = e
        left = Math.max(left, r.left)
        right = Math.min(right, r.right)
      }
      return narrowest && { left, right, el: narrowest, scrolled }
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
      // In a row that scrolls sideways (选时间's days), text past the screen's edge is scrolled away, not out of its box.
      const right = b.scrolled ? b.right : Math.min(b.right, window.innerWidth)
      const left = b.scrolled ? b.left : Math.max(b.left, 0)
      for (const r of Array.from(range.getClientRects())) {
        if (r.width === 0) continue
        if (r.right > right + 1 || r.left < left - 1) {
          found.push(`"${text.slice(0, 24)}" runs ${Math.round(Math.max(r.right - right, left - r.left))} px out of <${box.tagName.toLowerCase()} class="${box.className}">`)
          break
        }
      }
    }
    return found
  })
}

/**
 * The elements (first visible match of each selector) that are not wholly on screen as it first shows: partly
 * outside the viewport, or partly under a sticky or fixed bar that is not part of them (help bar, nav, pay bar).
 */
export function notWhollyShown(page: Page, selectors: string[]): Promise<string[]> {
  return page.evaluate((sels) => {
    const shown = (e: Element) => e.checkVisibility({ visibilityProperty: true, opacityProperty: true })
    const at = (r: DOMRect) => `${Math.round(r.top)}–${Math.round(r.bottom)}`
    const bars = Array.from(document.querySelectorAll('body *')).filter((e) => {
      const p = getComputedStyle(e).position
      return (p === 'sticky' || p === 'fixed') && shown(e) && e.getBoundingClientRect().height > 0
    })
    const problems: string[] = []
    for (const sel of sels) {
      const el = Array.from(document.querySelectorAll(sel)).find(shown)
      if (!el) {
        problems.push(`${sel}: not shown`)
        continue
      }
      const r = el.getBoundingClientRect()
      if (r.top < -0.5 || r.left < -0.5 || r.bottom > window.innerHeight + 0.5 || r.right > window.innerWidth + 0.5) {
        problems.push(`${sel}: at ${at(r)} in a ${window.innerWidth}×${window.innerHeight} screen`)
        continue
      }
      for (const bar of bars) {
        if (bar.contains(el) || el.contains(bar)) continue
        const b = bar.getBoundingClientRect()
        const overlap = Math.min(r.bottom, b.bottom) - Math.max(r.top, b.top)
        const across = Math.min(r.right, b.right) - Math.max(r.left, b.left)
        if (overlap > 0.5 && across > 0.5) problems.push(`${sel}: at ${at(r)}, ${Math.round(overlap)} px under <${bar.tagName.toLowerCase()} class="${bar.className}"> at ${at(b)}`)
      }
    }
    return problems
  }, selectors)
}

/**
 * Line breaks where a reader loses the word, found with one DOM Range per character (a new line is a character
 * whose box starts below the previous one's middle, to its left):
 * - inside a number with its unit or a date or a time ("1 小/时", "¥12./00", "12月/7日", "09:/00") — anywhere on the
 *   page, also inside sentences; a break between a date and its time is allowed (WholeDateTime);
 * - inside a label — the words of a control, a tag or a heading (up to CONTROL_LABEL_MAX characters), or any other
 *   text of at most LABEL_MAX that is not a sentence — between two letters or digits, where no space or punctuation
 *   allows it ("大字大按/钮", "收的钱不/一样"). Not flagged when the phrase that broke (with the brackets and
 *   punctuation stuck to it) is wider than the box it is in: then it cannot fit on a line and has to break somewhere.
 * Longer running text may break between any two Chinese characters, as Chinese text does.
 */
export function midWordBreaks(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const LABEL_MAX = 12 // any text this short is a label, unless it is a sentence (has a comma, a full stop…)
    const SENTENCE = /[，。；：！？、]/
    const CONTROL_LABEL_MAX = 20 // the words of a control, tag or heading up to this length are a label; longer is running text
    const UNIT = new RegExp(
      [
        '[¥￥]\\s?\\d[\\d,]*(?:\\.\\d+)?', // ¥12.00
        '\\d{4}年\\d{1,2}月\\d{1,2}日', // 2026年12月7日
        '\\d{1,2}月\\d{1,2}日', // 12月7日
        '\\d{4}-\\d{2}-\\d{2}', // 2026-12-07
        '\\d{1,2}:\\d{2}(?:\\s?[–-]\\s?\\d{1,2}:\\d{2})?', // 09:00, 09:00–10:00
        '\\d+(?:\\.\\d+)?\\s?(?:小时|分钟|公里|米|元|岁|天|个月|年|次|条|星|位|单元|单|个字|个|人|%|％)', // 1 小时, 30 分钟, 4.2 星
        '\\d[\\d*-]{3,}\\d', // 0830-3210037, 138****0001, 12349
      ].join('|'),
      'g',
    )
    // The words of controls, tags and headings (a tappable card's running text inside is not a label).
    const LABEL = [
      'button', 'a[href]', 'label', '[role="switch"]', '[role="tab"]', '[role="radio"]', '[role="checkbox"]', '[role="option"]', '[role="heading"]',
      '.big-btn', '.call-btn', '.choice', '.tile-title', '.tile-detail', '.status', '.section-title', '.card-title', '.info-label', '.field-label', '.bottom-nav-item',
    ].join(', ')
    const WORD = /[\p{L}\p{N}]/u
    // Punctuation that sticks to the word after it (opening) or before it (closing): a line never breaks between them.
    const OPENING = /[（“‘《【(¥￥]/
    const CLOSING = /[）”’》】)，。；：！？、.,;:!?%％]/
    const shown = (e: Element) => e.checkVisibility({ visibilityProperty: true, opacityProperty: true })
    const isBlock = (e: Element) => !['inline', 'contents'].includes(getComputedStyle(e).display)

    /** The text of a block with, for each character, its box (null when it has none: collapsed space). */
    const charsOf = (block: Element) => {
      const chars: { ch: string; rect: DOMRect | null }[] = []
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement
        if (!parent || !shown(parent) || parent.closest('textarea, input')) continue
        // Only the text laid out in this block, not in a block inside it (measured on its own).
        let owner: Element | null = parent
        while (owner && owner !== block && !isBlock(owner)) owner = owner.parentElement
        if (owner !== block) continue
        const text = node.textContent ?? ''
        const range = document.createRange()
        for (let i = 0; i < text.length; i++) {
          range.setStart(node, i)
          range.setEnd(node, i + 1)
          const rs = Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0)
          chars.push({ ch: text[i], rect: rs[0] ?? null })
        }
      }
      return chars
    }
    /** Index i where character i starts a new line (the previous character with a box is on the line before). */
    const breaksOf = (chars: { rect: DOMRect | null }[]) => {
      const out = new Set<number>()
      let prev: DOMRect | null = null
      chars.forEach((c, i) => {
        if (!c.rect) return
        if (prev && c.rect.top > prev.top + prev.height / 2 && c.rect.left < prev.right) out.add(i)
        prev = c.rect
      })
      return out
    }

    const found: string[] = []
    // What a person types wraps as their field does: not ours to keep whole.
    const blocks = Array.from(document.querySelectorAll('body *')).filter((e) => isBlock(e) && shown(e) && !['SCRIPT', 'STYLE', 'TEXTAREA', 'INPUT'].includes(e.tagName))
    for (const block of blocks) {
      const chars = charsOf(block)
      if (chars.length < 2) continue
      const breaks = breaksOf(chars)
      if (breaks.size === 0) continue
      const text = chars.map((c) => c.ch).join('')
      const cut = (i: number) => `${text.slice(Math.max(0, i - 8), i).trimStart()}/${text.slice(i, i + 8).trimEnd()}`
      const reported = new Set<number>()
      for (const m of text.matchAll(UNIT)) {
        const at = [...breaks].find((i) => i > m.index! && i < m.index! + m[0].length)
        if (at === undefined) continue
        found.push(`"${m[0]}" breaks: "${cut(at)}"`)
        reported.add(at)
      }
      const length = text.replace(/\s/g, '').length
      const label = (length <= LABEL_MAX && !SENTENCE.test(text)) || (length <= CONTROL_LABEL_MAX && block.closest(LABEL) !== null)
      if (!label) continue
      const style = getComputedStyle(block)
      const width = block.getBoundingClientRect().width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth)
      for (const i of breaks) {
        if (reported.has(i)) continue
        const before = text.slice(0, i).trimEnd().slice(-1)
        const after = text[i]
        if (!WORD.test(before) || !WORD.test(after) || /\s/.test(text[i - 1] ?? '')) continue
        // The phrase around the break, with the punctuation stuck to it: from the break opportunity before to the one after.
        let s = i
        while (s > 0 && WORD.test(text[s - 1])) s--
        while (s > 0 && OPENING.test(text[s - 1])) s--
        let e = i
        while (e < text.length && WORD.test(text[e])) e++
        while (e < text.length && CLOSING.test(text[e])) e++
        const phraseWidth = chars.slice(s, e).reduce((w, c) => w + (c.rect?.width ?? 0), 0)
        if (phraseWidth <= width + 0.5) found.push(`label "${text.trim().slice(0, 24)}" breaks mid-word: "${cut(i)}"`)
      }
    }
    return found
  })
}
