import { mysqlTable, varchar, index } from 'drizzle-orm/mysql-core'
import { id, ref, utc, lifecycleDates } from './util'

/** In-app messages (我的消息): one row per recipient, newest first; never carries phones or addresses. */
export const notifications = mysqlTable(
  'notifications',
  {
    id: id(),
    userId: ref('user_id').notNull(),
    /** What it is about, for the tap that opens it: 'complaint' + id, 'order' + id. */
    entity: varchar('entity', { length: 32 }).notNull(),
    entityId: ref('entity_id').notNull(),
    title: varchar('title', { length: 64 }).notNull(),
    body: varchar('body', { length: 300 }).notNull(),
    /** Null means unread. */
    readAt: utc('read_at'),
    ...lifecycleDates,
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.id), index('notifications_unread_idx').on(t.userId, t.readAt)],
)
