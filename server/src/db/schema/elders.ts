import { sql } from 'drizzle-orm'
import { mysqlTable, varchar, mysqlEnum, double, date, text, tinyint, smallint, uniqueIndex, index, check } from 'drizzle-orm/mysql-core'
import { ELDER_STATUSES, FAMILY_RELATIONS, ROLES, TIERS, TIER_CATEGORY_CODES } from '@carecircle/shared'
import { id, ref, utc, lifecycleDates } from './util'

/** Why a tier was granted (seed 004, shared/src/eligibility.ts): kept so every subsidy can be explained. */
export const TIER_REASONS = TIER_CATEGORY_CODES

export const elders = mysqlTable(
  'elders',
  {
    id: id(),
    /** The elder's own login, if they have a phone; a family member may manage a profile without one. */
    userId: ref('user_id'),
    name: varchar('name', { length: 64 }).notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    /** Personal data: masked outside the elder, bound family and their order's station. */
    phone: varchar('phone', { length: 20 }),
    /** Staff find a phoned-in elder by the phone's last 4 digits (never by the whole number in a URL). */
    phoneLast4: varchar('phone_last4', { length: 4 }).generatedAlwaysAs(sql`RIGHT(phone, 4)`, { mode: 'stored' }),
    address: varchar('address', { length: 200 }).notNull(),
    homeLat: double('home_lat').notNull(),
    homeLng: double('home_lng').notNull(),
    /** An unverified elder pays the paid price: tier stays 'paid' until a supervisor verifies otherwise. */
    tier: mysqlEnum('tier', TIERS).notNull().default('paid'),
    tierReason: mysqlEnum('tier_reason', TIER_REASONS).notNull().default('none'),
    tierVerifiedBy: ref('tier_verified_by'),
    tierVerifiedAt: utc('tier_verified_at'),
    /** The supervisor's grounds ("查看了低保证"), shown to the supervisor and in the audit. */
    tierNote: varchar('tier_note', { length: 200 }),
    /** A verification may lapse: from then on the elder pays the paid price (see eligibility/effective-tier.ts). */
    tierExpiresAt: utc('tier_expires_at'),
    /** When the elder and family were told, a week ahead, that it lapses. */
    tierExpiryNoticeAt: utc('tier_expiry_notice_at'),
    /** A supervisor's weekly purchased minutes for this elder, instead of the district default (null: default). */
    weeklyHousekeepingMinutes: smallint('weekly_housekeeping_minutes'),
    weeklyMedicalMinutes: smallint('weekly_medical_minutes'),
    /** Personal health data: only the elder, bound family and the serving staff see it. */
    healthNotes: text('health_notes'),
    createdBy: ref('created_by'),
    /**
     * 'pending' for a profile a relative created for a parent without WeChat, until a station worker or supervisor
     * has seen the elder (confirmed_by/at); a pending elder can be neither quoted nor booked.
     */
    status: mysqlEnum('status', ELDER_STATUSES).notNull().default('active'),
    confirmedBy: ref('confirmed_by'),
    confirmedAt: utc('confirmed_at'),
    /** Personal data: whom to call in an emergency, as the relative who created the profile gave it. */
    emergencyName: varchar('emergency_name', { length: 64 }),
    emergencyPhone: varchar('emergency_phone', { length: 20 }),
    /**
     * Written only by a booking's write batch (orders/booking-sql.ts): first to take this elder's row lock, so one
     * elder's bookings write one at a time, then set to -1 when the new visit overlaps an open one, which the
     * CHECK elders_visits_do_not_overlap refuses. Always 0 at rest.
     */
    visitGuard: tinyint('visit_guard').notNull().default(0),
    ...lifecycleDates,
  },
  (t) => [
    uniqueIndex('elders_user_uq').on(t.userId),
    index('elders_tier_idx').on(t.tier),
    index('elders_name_idx').on(t.name),
    index('elders_phone_last4_idx').on(t.phoneLast4),
    index('elders_status_idx').on(t.status),
    index('elders_tier_expires_idx').on(t.tierExpiresAt),
    check('elders_visits_do_not_overlap', sql`${t.visitGuard} >= 0`),
  ],
)

/** 子女/家属 bound to an elder with the elder's consent. Revoked links are kept for the audit trail. */
export const familyLinks = mysqlTable(
  'family_links',
  {
    id: id(),
    elderId: ref('elder_id').notNull(),
    familyUserId: ref('family_user_id').notNull(),
    relation: mysqlEnum('relation', FAMILY_RELATIONS).notNull(),
    /** When the elder consented: the invitation was redeemed, or the profile the relative created was confirmed in person. */
    consentedAt: utc('consented_at').notNull(),
    /** The invitation whose redemption was the consent; null for the relative who created a parent's profile. */
    invitationId: ref('invitation_id'),
    /** Null means the link is in force. */
    revokedAt: utc('revoked_at'),
    revokedBy: ref('revoked_by'),
    ...lifecycleDates,
  },
  (t) => [uniqueIndex('family_links_pair_uq').on(t.elderId, t.familyUserId), index('family_links_family_idx').on(t.familyUserId)],
)

/** A one-time code an elder gives a relative; using it is the elder's consent. */
export const familyInvitations = mysqlTable(
  'family_invitations',
  {
    id: id(),
    elderId: ref('elder_id').notNull(),
    code: varchar('code', { length: 16 }).notNull(),
    createdBy: ref('created_by').notNull(),
    /** 'elder' when the elder made it; 'staff'/'station_admin'/'supervisor' when helping the elder in person. */
    createdByRole: mysqlEnum('created_by_role', ROLES).notNull(),
    expiresAt: utc('expires_at').notNull(),
    usedBy: ref('used_by'),
    usedAt: utc('used_at'),
    /** Set when an expired code is cleared so its digits can be issued again (see liveCode). */
    retiredAt: utc('retired_at'),
    /** The code while it can still be redeemed or has not been cleared; unique, so no two open invitations share digits. */
    liveCode: varchar('live_code', { length: 16 }).generatedAlwaysAs(sql`CASE WHEN used_at IS NULL AND retired_at IS NULL THEN code END`, { mode: 'stored' }),
    ...lifecycleDates,
  },
  (t) => [
    uniqueIndex('family_invitations_live_code_uq').on(t.liveCode),
    index('family_invitations_code_idx').on(t.code),
    index('family_invitations_elder_idx').on(t.elderId, t.expiresAt),
  ],
)
