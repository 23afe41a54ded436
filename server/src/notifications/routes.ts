import Router from '@koa/router'
import { z } from 'zod'
import { ZIdParams, ZNotificationsQuery, ZNotificationsResponse } from '@carecircle/shared'
import { defineRoute } from '../http/route'
import type { AppDeps } from '../app'
import { listNotifications, markRead } from './list-notifications'

const ZUnread = z.object({ unreadCount: z.number().int() })

export function notificationRoutes(deps: AppDeps): Router {
  const r = new Router()
  const db = deps.database.db
  defineRoute(
    r,
    { method: 'get', path: '/api/notifications', tag: 'notifications', summary: '我的消息（最新在前）与未读数', access: 'user', query: ZNotificationsQuery, response: ZNotificationsResponse, errors: [400, 401] },
    ({ auth, query }) => listNotifications(db, auth, query),
  )
  defineRoute(
    r,
    { method: 'post', path: '/api/notifications/read-all', tag: 'notifications', summary: '全部标为已读', access: 'user', response: ZUnread, errors: [401] },
    ({ auth }) => markRead(db, auth, 'all', deps.clock()),
  )
  defineRoute(
    r,
    { method: 'post', path: '/api/notifications/:id/read', tag: 'notifications', summary: '一条消息标为已读', access: 'user', params: ZIdParams, response: ZUnread, errors: [400, 401, 404] },
    ({ auth, params }) => markRead(db, auth, params.id, deps.clock()),
  )
  return r
}
