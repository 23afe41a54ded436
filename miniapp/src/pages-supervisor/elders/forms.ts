import { TIER_CATEGORIES, ZHoursAdjustRequest, ZSetTierRequest, type HoursAdjustRequest, type HoursKind, type SetTierRequest, type TierCategory } from '@carecircle/shared'

export type Checked<T> = { ok: true; body: T } | { ok: false; problem: string }

function check<T>(parsed: { success: true; data: T } | { success: false; error: { issues: { message: string }[] } }): Checked<T> {
  return parsed.success ? { ok: true, body: parsed.data } : { ok: false, problem: parsed.error.issues[0]?.message ?? '请检查填写的内容' }
}

/** The tier follows from the category (低保 → 无偿, 空巢 → 低偿 …), checked by the same schema as the server. */
export function tierBody(category: TierCategory | null, reason: string, expiresOn: string | null): Checked<SetTierRequest> {
  if (!category) return { ok: false, problem: '请选择老人的类别，例如低保、90 岁以上、空巢' }
  return check(
    ZSetTierRequest.safeParse({
      tier: TIER_CATEGORIES[category].tier,
      category,
      reason: reason.trim(),
      ...(expiresOn ? { expiresAt: `${expiresOn}T23:59:59+08:00` } : {}),
    }),
  )
}

/** Minutes as typed (whole numbers), added or taken back, with a reason. */
export function adjustBody(kind: HoursKind, direction: 1 | -1, minutes: string, reason: string): Checked<HoursAdjustRequest> {
  const n = /^\s*\d{1,4}\s*$/.test(minutes) ? Number(minutes) : NaN
  if (Number.isNaN(n)) return { ok: false, problem: '请填写分钟数（整数），例如 30 或 60' }
  return check(ZHoursAdjustRequest.safeParse({ kind, minutes: direction * n, reason: reason.trim() }))
}
