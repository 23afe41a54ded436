import fc from 'fast-check'
import { TIER_CATEGORIES, TIER_CATEGORY_CODES, TIERS } from '@carecircle/shared'
import { effectiveTier, pricedAsOf } from './effective-tier'

const NOW = new Date('2026-12-02T02:00:00Z')
const verified = new Date('2026-06-01T00:00:00Z')

describe('effectiveTier', () => {
  it('a verified tier holds until its expiry, then the elder pays the paid price and is told it lapsed', () => {
    const e = { tier: 'free' as const, tierReason: 'dibao' as const, tierVerifiedAt: verified, tierExpiresAt: new Date(NOW.getTime() + 1000) }
    expect(effectiveTier(e, NOW)).toEqual({ tier: 'free', verified: true, expired: false })
    expect(effectiveTier(e, new Date(NOW.getTime() + 1000))).toEqual({ tier: 'paid', verified: false, expired: true })
    expect(pricedAsOf(e, new Date(NOW.getTime() + 1000))).toMatchObject({ tier: 'paid', tierVerifiedAt: null })
    expect(pricedAsOf(e, NOW)).toBe(e)
  })

  it('an unverified elder, or a category that does not grant the tier, pays the paid price', () => {
    expect(effectiveTier({ tier: 'free', tierReason: 'age_90_plus', tierVerifiedAt: null, tierExpiresAt: null }, NOW).tier).toBe('paid')
    expect(effectiveTier({ tier: 'free', tierReason: 'empty_nest', tierVerifiedAt: verified, tierExpiresAt: null }, NOW).tier).toBe('paid')
  })

  it('never prices below what the category grants, and never grants more than the recorded tier (property)', () => {
    const rank = { free: 0, low: 1, paid: 2 }
    fc.assert(
      fc.property(
        fc.constantFrom(...TIERS), fc.constantFrom(...TIER_CATEGORY_CODES), fc.boolean(), fc.option(fc.integer({ min: -1e9, max: 1e9 })),
        (tier, tierReason, isVerified, expiresIn) => {
          const e = { tier, tierReason, tierVerifiedAt: isVerified ? verified : null, tierExpiresAt: expiresIn === null ? null : new Date(NOW.getTime() + expiresIn) }
          const t = effectiveTier(e, NOW).tier
          expect(rank[t]).toBeGreaterThanOrEqual(rank[tier])
          expect(rank[t]).toBeGreaterThanOrEqual(rank[TIER_CATEGORIES[tierReason].tier])
          if (t !== 'paid') expect(isVerified && (expiresIn === null || expiresIn > 0)).toBe(true)
        },
      ),
    )
  })
})
