import { sql } from 'drizzle-orm'
import { mysqlTable, varchar, mysqlEnum, text, json, boolean, int, tinyint, index, uniqueIndex } from 'drizzle-orm/mysql-core'
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
    /** The station's operator when filed, kept on the complaint so the desk's operator filter is one index range. */
    operatorId: ref('operator_id'),
    category: mysqlEnum('category', COMPLAINT_CATEGORIES).notNull(),
    status: mysqlEnum('status', COMPLAINT_STATUSES).notNull(),
    content: text('content').notNull(),
    /** Anonymous toward the station: station staff never see the complainant. */
    anonymous: boolean('anonymous').notNull().default(false),
    /** For fee complaints about an order: the FeeEvidence (shared/complaints.ts) captured at filing. */
    evidence: json('evidence').$type<Record<string, unknown>>(),
    /** A refund the resolution promised, in fen. */
    refundFen: int('refund_fen'),
    /** Times the complainant reopened it (the policy allows one). */
    reopenCount: tinyint('reopen_count').notNull().default(0),
    /**
     * 1 while a complaint about an order is not closed, else NULL: with complaints_open_order_uq the database refuses
     * a second open complaint of the same category about one order, however many requests race.
     */
    openOrder: tinyint('open_order').generatedAlwaysAs(sql.raw(`CASE WHEN status <> 'closed' AND order_id IS NOT NULL THEN 1 END`), { mode: 'virtual' }),
    ackDueAt: utc('ack_due_at').notNull(),
    resolveDueAt: utc('resolve_due_at').notNull(),
    acknowledgedAt: utc('acknowledged_at'),
    resolvedAt: utc('resolved_at'),
    escalatedAt: utc('escalated_at'),
    closedAt: utc('closed_at'),
    /** 1 once the station missed a deadline (the desk's "overdue" filter); escalation by the scheduler sets it. */
    late: tinyint('late').notNull().default(0),
    ...lifecycleDates,
  },
  (t) => [
    uniqueIndex('complaints_open_order_uq').on(t.orderId, t.category, t.openOrder),
    // The desk pages newest first (id DESC) within each filter: one (filter, id) index per filter.
    index('complaints_station_idx').on(t.stationId, t.id),
    index('complaints_operator_idx').on(t.operatorId, t.id),
    index('complaints_status_idx').on(t.status, t.id),
    index('complaints_category_idx').on(t.category, t.id),
    index('complaints_late_idx').on(t.late, t.id),
    // A date range becomes an id range (ids grow with created_at).
    index('complaints_created_idx').on(t.createdAt),
    index('complaints_complainant_idx').on(t.complainantUserId, t.id),
    index('complaints_elder_idx').on(t.elderId, t.id),
    // The scheduler's sweeps: overdue acknowledgements and resolutions.
    index('complaints_ack_due_idx').on(t.status, t.ackDueAt),
    index('complaints_due_idx').on(t.status, t.resolveDueAt),
    index('complaints_resolved_idx').on(t.status, t.resolvedAt),
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

/** Up to 3 photos per complaint; the bytes live in FileStorage under `storageKey`, served only through signed links. */
export const complaintPhotos = mysqlTable(
  'complaint_photos',
  {
    id: id(),
    complaintId: ref('complaint_id').notNull(),
    uploadedBy: ref('uploaded_by').notNull(),
    storageKey: varchar('storage_key', { length: 128 }).notNull(),
    mime: varchar('mime', { length: 32 }).notNull(),
    bytes: int('bytes').notNull(),
    ...lifecycleDates,
  },
  (t) => [index('complaint_photos_complaint_idx').on(t.complaintId)],
)
