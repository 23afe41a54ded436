import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { fetchNotifications } from '../api'

/** "我的消息（3 条未读）": the count in words, never a red dot alone. */
export function messagesLabel(unread: number | null): string {
  if (unread === null || unread === 0) return unread === 0 ? '我的消息（没有未读）' : '我的消息'
  return `我的消息（${unread} 条未读）`
}

/** The unread count, read again each time the page shows (e.g. back from reading a message). Null until known. */
export function useUnreadCount(enabled: boolean): number | null {
  const [count, setCount] = useState<number | null>(null)
  const load = () => {
    if (!enabled) return
    fetchNotifications(undefined, 1).then(
      (r) => setCount(r.unreadCount),
      () => setCount(null),
    )
  }
  useDidShow(load)
  return count
}
