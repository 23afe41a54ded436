import { and, count, desc, eq, isNull, lt } from 'drizzle-orm'
import { toBusinessIso, type NoticeEntity, type NotificationsResponse } from '@carecircle/shared'
import type { Db } from '../db/client'
import type { Auth } from '../auth/token'
import { notifications } from '../db/schema'
import { notFound } from '../errors'

const DEFAULT_LIMIT = 20

/** 我的消息: newest first, paged by id, with the unread count for the badge. */
export async function listNotifications(db: Db, auth: Auth, q: { cursor?: number; limit?: number }): Promise<NotificationsResponse> {
  const limit = q.limit ?? DEFAULT_LIMIT
  const mine = eq(notifications.userId, auth.userId)
  const rows = await db
    .select()
    .from(notifications)
    .where(q.cursor ? and(mine, lt(notifications.id, q.cursor)) : mine)
    .orderBy(desc(notifications.id))
    .limit(limit + 1)
  const [{ unread }] = await db.select({ unread: count() }).from(notifications).where(and(mine, isNull(notifications.readAt)))
  const page = rows.slice(0, limit)
  return {
    notifications: page.map((n) => ({ id: n.id, entity: n.entity as NoticeEntity, entityId: n.entityId, title: n.title, body: n.body, read: n.readAt !== null, createdAt: toBusinessIso(n.createdAt) })),
    unreadCount: unread,
    nextCursor: rows.length > limit ? String(page[page.length - 1].id) : null,
  }
}

/** Marks one of the caller's messages read (someone else's is 404), or all of them. */
export async function markRead(db: Db, auth: Auth, id: number | 'all', now: Date): Promise<{ unreadCount: number }> {
  const mine = eq(notifications.userId, auth.userId)
  if (id === 'all') {
    await db.update(notifications).set({ readAt: now }).where(and(mine, isNull(notifications.readAt)))
  } else {
    const [n] = await db.select({ id: notifications.id }).from(notifications).where(and(mine, eq(notifications.id, id))).limit(1)
    if (!n) throw notFound('这条消息')
    await db.update(notifications).set({ readAt: now }).where(and(eq(notifications.id, id), isNull(notifications.readAt)))
  }
  const [{ unread }] = await db.select({ unread: count() }).from(notifications).where(and(mine, isNull(notifications.readAt)))
  return { unreadCount: unread }
}
