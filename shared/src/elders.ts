import { z } from 'zod'

/** free 无偿 / low 低偿 / paid 有偿; set only by a supervisor after verification. */
export const TIERS = ['free', 'low', 'paid'] as const
export const ZTier = z.enum(TIERS)
export type Tier = z.infer<typeof ZTier>
export const TIER_LABELS: Record<Tier, string> = { free: '无偿', low: '低偿', paid: '有偿' }

/**
 * active: the elder can be quoted and booked. pending: a relative created the profile for a parent without WeChat;
 * a station worker or supervisor must see the elder before anything is booked.
 */
export const ELDER_STATUSES = ['pending', 'active'] as const
export const ZElderStatus = z.enum(ELDER_STATUSES)
export type ElderStatus = z.infer<typeof ZElderStatus>

export const ZElderSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  status: ZElderStatus,
  tier: ZTier,
  tierVerified: z.boolean(),
  home: z.object({ lat: z.number(), lng: z.number(), address: z.string() }),
})
export type ElderSummary = z.infer<typeof ZElderSummary>
