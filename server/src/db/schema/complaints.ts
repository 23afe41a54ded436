import { mysqlTable, varchar, mysqlEnum, text, json, boolean, index } from 'drizzle-orm/mysql-core'
import { ROLES, COMPLAINT_CATEGORIES, COMPLAINT_STATUSES } from '@carecircle/shared'
import { id, ref, utc, lifecycleDates } from './util'

export const complaints = mysqlTable(
  'complaints',
  {
    id: id(),
    complainantUserId: ref('complainant_user_id').notNull(),
    elderId: ref('elder_id'),
    orderId: ref('order_id'),
    stationId: ref('station_id').notNull(),
    category: mysqlEnum('category', COMPLAINT_CATEGORIES).notNull(),
    status: mysqlEnum('status', COMPLAINT_STATUSES).notNull(),
    content: text('content').notNull(),
    /** Anonymous toward the station: station staff never see the complainant. */
    anonymous: boolean('anonymous').notNull().default(false),
    /** For fee complaints: { publishedFen, chargedFen, priceVersionId } captured at filing. */
    evidence: json('evidence').$type<Record<string, unknown>>(),
    ackDueAt: utc('ack_due_at').notNull(),
    resolveDueAt: utc('resolve_due_at').notNull(),
    acknowledgedAt: utc('acknowledged_at'),
    resolvedAt: utc('resolved_at'),
    escalatedAt: utc('escalated_at'),
    closedAt: utc('closed_at'),
    ...lifecycleDates,
  },
  (t) => [
    index('complaints_station_idx').on(t.stationId, t.status),
    index('complaints_complainant_idx').on(t.complainantUserId),
    index('complaints_due_idx').on(t.status, t.resolveDueAt),
  ],
)

export const complaintEvents = mysqlTable(
  'complaint_events',
  {
    id: id(),
    complaintId: ref('complaint_id').notNull(),
    actorUserId: ref('actor_user_id'),
    actorRole: mysqlEnum('actor_role', [...ROLES, 'system']).notNull(),
    fromStatus: mysqlEnum('from_status', COMPLAINT_STATUSES),
    toStatus: mysqlEnum('to_status', COMPLAINT_STATUSES).notNull(),
    message: text('message'),
    at: utc('at').notNull(),
  },
  (t) => [index('complaint_events_complaint_idx').on(t.complaintId, t.at)],
)

/** Who did what to which record: tier verifications, suspensions, price publications, bindings. */
export const auditLog = mysqlTable(
  'audit_log',
  {
    id: id(),
    actorUserId: ref('actor_user_id'),
    action: varchar('action', { length: 64 }).notNull(),
    entity: varchar('entity', { length: 32 }).notNull(),
    entityId: ref('entity_id').notNull(),
    /** Never contains phones, addresses or health notes. */
    detail: json('detail').$type<Record<string, unknown>>(),
    at: utc('at').notNull(),
    ...lifecycleDates,
  },
  (t) => [index('audit_log_entity_idx').on(t.entity, t.entityId)],
)
