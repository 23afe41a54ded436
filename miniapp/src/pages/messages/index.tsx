import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import type { Notification, Role } from '@carecircle/shared'
import { Page } from '../../components/page'
import { Card } from '../../components/card'
import { BigButton } from '../../components/big-button'
import { Loading } from '../../components/loading'
import { ErrorState } from '../../components/error-state'
import { fetchNotifications, markAllNotificationsRead, markNotificationRead, toApiError, type ApiError } from '../../api'
import { getToken, getUser } from '../../auth/session'
import { usePaged } from '../../lib/use-paged'
import { ROUTES, complaintDetailUrl, ensureLoggedIn, go, withQuery } from '../../lib/nav'
import { formatDateTime } from '../../lib/time'
import { navArea } from '../../lib/nav-area'

function openUrl(n: Notification, role: Role | undefined): string {
  if (n.entity === 'complaint') return complaintDetailUrl(role, n.entityId)
  // A binding (family_link) or news about an elder (confirmed, tier): the family page of whoever reads it.
  if (n.entity === 'family_link' || n.entity === 'elder') return role === 'elder' || role === 'family' ? ROUTES.family : ROUTES.mine
  if (role === 'staff' || role === 'station_admin') return ROUTES.staffOrders
  return withQuery(ROUTES.orderDetail, { id: n.entityId })
}

/** 我的消息: newest first; unread ones say 未读 in words; tapping one marks it read and opens what it is about. */
export default function MessagesPage() {
  const loggedIn = !!getToken()
  const role = getUser()?.role
  useEffect(() => {
    ensureLoggedIn(ROUTES.messages, '请先登录，登录后才能看到您的消息。')
  }, [])
  const [unread, setUnread] = useState<number | null>(null)
  const [readIds, setReadIds] = useState<Set<number>>(new Set())
  const [error, setError] = useState<ApiError | null>(null)
  const list = usePaged(
    async (cursor) => {
      const page = await fetchNotifications(cursor)
      if (!cursor) setUnread(page.unreadCount)
      return { items: page.notifications, nextCursor: page.nextCursor }
    },
    [],
    loggedIn,
  )
  const isRead = (n: Notification) => n.read || readIds.has(n.id)

  const open = async (n: Notification) => {
    if (!isRead(n)) {
      try {
        const r = await markNotificationRead(n.id)
        setUnread(r.unreadCount)
        setReadIds((s) => new Set(s).add(n.id))
      } catch {
        // Opening matters more than the mark: it is tried again next time.
      }
    }
    go(openUrl(n, role))
  }
  const readAll = async () => {
    setError(null)
    try {
      const r = await markAllNotificationsRead()
      setUnread(r.unreadCount)
      setReadIds(new Set(list.items.map((n) => n.id)))
    } catch (err) {
      setError(toApiError(err))
    }
  }

  const area = navArea(role)
  return (
    <Page title='我的消息' nav={area} active='mine' help={area === 'resident'}>
      <View className='stack'>
        {unread !== null ? (
          <View className='t-big' data-testid='unread-count'>
            {unread === 0 ? '没有未读消息' : `有 ${unread} 条未读消息`}
          </View>
        ) : null}
        {unread ? (
          <BigButton variant='secondary' testId='read-all' onPress={readAll} loadingText='正在标记，请稍候……'>
            全部标为已读
          </BigButton>
        ) : null}
        {error ? <ErrorState error={error} onRetry={readAll} /> : null}
        {list.loading ? <Loading /> : null}
        {!list.loading && !list.error && list.items.length === 0 ? <View className='notice'>还没有消息。投诉有进展时，会在这里告诉您。</View> : null}
        {list.items.map((n) => (
          <Card key={n.id} title={n.title} testId='message-item' onPress={() => open(n)} className={isRead(n) ? 'message-read' : 'message-unread'}>
            <View className={`status ${isRead(n) ? 'ok' : 'warn'}`} data-testid='message-state' data-read={isRead(n) ? 'yes' : 'no'}>
              {isRead(n) ? '已读' : '未读'}
            </View>
            {n.body !== n.title ? <View>{n.body}</View> : null}
            <View className='t-small'>{formatDateTime(n.createdAt)}</View>
            <View className='link-text'>{n.entity === 'complaint' ? '看这条投诉 ›' : n.entity === 'order' ? '看这个订单 ›' : '去看看 ›'}</View>
          </Card>
        ))}
        {list.error ? <ErrorState error={list.error} onRetry={list.items.length ? list.loadMore : list.reload} /> : null}
        {list.hasMore && !list.error ? (
          <BigButton variant='secondary' testId='load-more' loadingText='正在加载，请稍候……' onPress={list.loadMore}>
            加载更多
          </BigButton>
        ) : null}
      </View>
    </Page>
  )
}
