import { TIER_CATEGORIES, toBusinessIso, tierExplanation, type ElderTier } from '@carecircle/shared'
import type { ElderRow } from '../access/elder-access'
import type { Auth } from '../auth/token'
import { effectiveTier } from './effective-tier'

/** The tier in force and why, in the words of whoever reads it: 您 for the elder, the name for everyone else. */
export function toElderTier(e: ElderRow, auth: Auth, now: Date): ElderTier {
  const t = effectiveTier(e, now)
  const who = auth.role === 'elder' && e.userId === auth.userId ? '您' : e.name
  const category = t.tier === 'paid' ? 'none' : e.tierReason
  return {
    elderId: e.id,
    tier: t.tier,
    category,
    categoryLabel: TIER_CATEGORIES[category].label,
    verified: t.verified,
    verifiedAt: t.verified && e.tierVerifiedAt ? toBusinessIso(e.tierVerifiedAt) : null,
    expiresAt: !t.expired && e.tierExpiresAt ? toBusinessIso(e.tierExpiresAt) : null,
    explanation: tierExplanation(t.tier, category, who, t.expired),
  }
}
