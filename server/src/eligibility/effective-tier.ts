import { TIER_CATEGORIES, type Tier, type TierCategory } from '@carecircle/shared'

export interface TierFacts {
  tier: Tier
  tierReason: TierCategory
  tierVerifiedAt: Date | null
  tierExpiresAt: Date | null
}

/**
 * The tier an elder is priced at now: the verified one until its expiry; unverified, lapsed or inconsistent
 * (a category that does not grant the tier), the paid price. Pure: the caller passes the clock.
 */
export function effectiveTier(e: TierFacts, now: Date): { tier: Tier; verified: boolean; expired: boolean } {
  const expired = e.tierExpiresAt !== null && e.tierExpiresAt.getTime() <= now.getTime()
  if (e.tier === 'paid' || e.tierVerifiedAt === null || expired || TIER_CATEGORIES[e.tierReason].tier !== e.tier) {
    return { tier: 'paid', verified: e.tierVerifiedAt !== null && !expired, expired: expired && e.tier !== 'paid' }
  }
  return { tier: e.tier, verified: true, expired: false }
}

/** The elder as pricing must see them now: a lapsed verification prices as unverified paid. */
export function pricedAsOf<E extends TierFacts>(e: E, now: Date): E {
  const t = effectiveTier(e, now)
  return t.tier === e.tier && (t.verified || e.tierVerifiedAt === null) ? e : { ...e, tier: t.tier, tierVerifiedAt: t.verified ? e.tierVerifiedAt : null }
}
