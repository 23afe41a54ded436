import type { Page } from 'playwright-core'
import { openPage, settle, shot, visible, type Browser } from './browser'
import { RULES, axeViolations, smallTargets, smallText } from './age-friendly'
import { brokenText, midWordBreaks, overflowingText } from './layout'
import type { TestApp } from './test-app'

/** Normal mode and 长辈版, each with its own size rules. */
export const MODES = [
  { mode: 'normal', careMode: false, rules: RULES.normal },
  { mode: 'care', careMode: true, rules: RULES.care },
] as const
export type Rules = (typeof MODES)[number]['rules']

/** Screen-reader, size, no-broken-text and no-mid-word-break checks on the screen as it is now; `whole` names what must never break. */
export async function expectAgeFriendly(page: Page, rules: Rules, whole: string): Promise<void> {
  const problems = {
    axe: await axeViolations(page),
    small: await smallText(page, rules.minFontPx),
    targets: await smallTargets(page, rules.minTargetPx),
    broken: await brokenText(page, whole),
    overflowing: await overflowingText(page),
    midWord: await midWordBreaks(page),
  }
  expect(problems).toEqual({ axe: [], small: [], targets: [], broken: [], overflowing: [], midWord: [] })
}

export interface EveryWayOptions {
  /** Started in beforeAll, so read when a test runs. */
  app: () => TestApp
  browser: () => Browser
  /** Screenshot names start with it: `${prefix}-${name}-${mode}-${width}.png`. */
  prefix: string
  sizes: readonly { width: number; height: number }[]
  whole: string
}

/**
 * A screen opened as `phone` (null: nobody logged in) in both modes at every size: waits for `testId`, shoots it,
 * lets the test look (`look` gets the page and the mode), then runs the age-friendly checks.
 */
export function everyWayOf(o: EveryWayOptions) {
  return async function everyWay(name: string, phone: string | null, path: string, testId: string, look?: (page: Page, mode: string) => Promise<void>) {
    for (const { mode, careMode, rules } of MODES) {
      for (const viewport of o.sizes) {
        const login = phone ? await o.app().session(phone) : undefined
        const page = await openPage(o.browser(), o.app().baseUrl, path, { careMode, login, viewport })
        try {
          await visible(page, testId).first().waitFor()
          await settle(page)
          await shot(page, `${o.prefix}-${name}-${mode}-${viewport.width}`)
          if (look) await look(page, mode)
          await expectAgeFriendly(page, rules, o.whole)
        } finally {
          await page.close()
        }
      }
    }
  }
}
