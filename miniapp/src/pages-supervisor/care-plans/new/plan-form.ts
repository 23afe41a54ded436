import type { CareReason, RoundMode } from '@carecircle/shared'

export const EVERY_DAYS = [1, 3, 7, 14, 30] as const

export interface PlanDraft { reason: CareReason | null; mode: RoundMode; everyDays: number; note: string }

/** What is still missing, in words, or the body to send. */
export function planBody(elderId: number | null, d: PlanDraft): { problem: string } | { body: { elderId: number; reason: CareReason; mode: RoundMode; everyDays: number; note?: string } } {
  if (!elderId) return { problem: '请先找到并选好老人。' }
  if (!d.reason) return { problem: '请选一个原因：独居、空巢、失能或高龄。' }
  const note = d.note.trim()
  return { body: { elderId, reason: d.reason, mode: d.mode, everyDays: d.everyDays, ...(note ? { note } : {}) } }
}

/** "每 7 天上门走访一次" as the supervisor picks, before it is saved (the server says the same once saved). */
export function everyText(mode: RoundMode, days: number): string {
  return `${days === 1 ? '每天' : `每 ${days} 天`}${mode === 'phone' ? '电话问候' : '上门走访'}一次`
}
