import { ROUND_OUTCOME_RULES, type CareRound, type RoundOutcome } from '@carecircle/shared'
import { businessDate } from './time'

/** 0.8136 → "81.4%", 1 → "100%"; no one to count → "没有老人". */
export function shareText(share: number | null): string {
  if (share === null) return '没有老人'
  const pct = Math.round(share * 1000) / 10
  return `${Number.isInteger(pct) ? pct.toFixed(0) : pct.toFixed(1)}%`
}

/** "61 位老人中 51 位在服务圈内，占 83.6%" */
export function coverageLine(row: { elders: number; covered: number; share: number | null }): string {
  if (row.elders === 0) return '没有老人'
  return `${row.elders} 位老人中 ${row.covered} 位在服务圈内，占 ${shareText(row.share)}`
}

export type Tone = 'ok' | 'warn' | 'bad'

/**
 * What a worker taps, and how the screen marks each outcome. What a family later reads is the outcome's label,
 * declared once in shared/src/care.ts. Keyed by the shared outcome list, so a new outcome cannot be left without words.
 */
export const ROUND_OUTCOME_WORDS: Record<RoundOutcome, { button: string[]; tone: Tone }> = {
  // In phrases: a narrow button breaks between them, never inside one ("一切都 / 好").
  visited_well: { button: ['看过了，', '一切都好'], tone: 'ok' },
  not_home: { button: ['不在家'], tone: 'warn' },
  needs_help: { button: ['需要帮助', '（写明情况）'], tone: 'bad' },
  phoned: { button: ['电话问候过'], tone: 'ok' },
}
export const noteRequired = (o: RoundOutcome) => ROUND_OUTCOME_RULES[o].noteRequired

const dayOf = (iso: string) => businessDate(0, Date.parse(iso))
const monthDay = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`

/** One line of an elder's timeline: "11月24日 看过了，一切都好"; an open round by its due day. */
export function roundLine(r: Pick<CareRound, 'status' | 'outcome' | 'dueAt' | 'recordedAt' | 'missed'>): { date: string; words: string; tone: Tone | 'info' } {
  if (r.status === 'done' && r.outcome) return { date: monthDay(dayOf(r.recordedAt ?? r.dueAt)), words: ROUND_OUTCOME_RULES[r.outcome].label, tone: ROUND_OUTCOME_WORDS[r.outcome].tone }
  if (r.status === 'cancelled') return { date: monthDay(dayOf(r.dueAt)), words: '巡访已取消', tone: 'info' }
  return { date: monthDay(dayOf(r.dueAt)), words: r.missed ? '过了日子还没巡访' : '等待巡访', tone: r.missed ? 'bad' : 'info' }
}

/** When an open round is due, for the worker: "已超期 2 天" / "今天要办" / "明天要办" / "12月3日要办". */
export function dueText(dueAt: string, now: number = Date.now()): { words: string; overdue: boolean } {
  const due = dayOf(dueAt)
  const today = businessDate(0, now)
  if (due < today) {
    const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / 86_400_000)
    return { words: `已超期 ${days} 天`, overdue: true }
  }
  if (due === today) return { words: '今天要办', overdue: false }
  if (due === businessDate(1, now)) return { words: '明天要办', overdue: false }
  return { words: `${monthDay(due)}要办`, overdue: false }
}

type WhatIf = { kind: 'station' | 'complex'; radiusMeters: number; uncoveredBefore: number }
type WhatIfResult = { newlyCovered: number; byTier: { free: number; low: number; paid: number }; shareAfter: number | null }

/** The what-if answer in one paragraph; always says that nothing was saved. */
export function whatIfText(res: WhatIf, result: WhatIfResult | null, shareBefore: number | null, best: boolean): string {
  const what = res.kind === 'complex' ? '综合体' : '驿站'
  if (res.uncoveredBefore === 0) return '现在所有老人都在服务圈内，不需要再建站。'
  if (!result) return '没有算出合适的位置。'
  const where = best ? `最佳位置（地图上的★）建一个${what}` : `地图上★处建一个${what}`
  const reach = `方圆约 ${res.radiusMeters} 米`
  if (result.newlyCovered === 0) return `在${where}（${reach}）：不能新覆盖任何目前在服务圈外的老人。这只是试算，没有保存。`
  const t = result.byTier
  return `在${where}（${reach}）：能新覆盖 ${result.newlyCovered} 位目前在服务圈外的老人（无偿 ${t.free} 位、低偿 ${t.low} 位、有偿 ${t.paid} 位），` +
    `覆盖率从 ${shareText(shareBefore)} 提高到 ${shareText(result.shareAfter)}。这只是试算，没有保存。`
}
