import { View } from '@tarojs/components'
import type { Role } from '@carecircle/shared'
import { ComplaintCard } from '../complaint-card'
import { BigButton } from '../big-button'
import { Loading } from '../loading'
import { ErrorState } from '../error-state'
import { fetchComplaints, type ComplaintFilters } from '../../api'
import { usePaged } from '../../lib/use-paged'
import { complaintDetailUrl, go } from '../../lib/nav'

export interface ComplaintListProps {
  role: Role
  filters?: ComplaintFilters
  /** Said when the list is empty. */
  empty: string
  enabled?: boolean
}

/** Complaints newest first, a page at a time with 加载更多; each card opens the viewer's own detail page. */
export function ComplaintList({ role, filters = {}, empty, enabled = true }: ComplaintListProps) {
  const key = JSON.stringify(filters)
  const list = usePaged(
    async (cursor) => {
      const page = await fetchComplaints({ ...filters, cursor })
      return { items: page.complaints, nextCursor: page.nextCursor }
    },
    [key],
    enabled,
  )
  const forStation = role === 'staff' || role === 'station_admin'
  return (
    <View className='stack' data-testid='complaint-list'>
      {list.loading ? <Loading /> : null}
      {!list.loading && !list.error && list.items.length === 0 ? <View className='notice ok'>{empty}</View> : null}
      {list.items.map((c) => (
        <ComplaintCard key={c.id} complaint={c} viewer={role} forStation={forStation} showWho={role === 'supervisor'} onPress={() => go(complaintDetailUrl(role, c.id))} />
      ))}
      {list.error ? <ErrorState error={list.error} onRetry={list.items.length ? list.loadMore : list.reload} /> : null}
      {list.hasMore && !list.error ? (
        <BigButton variant='secondary' testId='load-more' loadingText='正在加载，请稍候……' onPress={list.loadMore}>
          加载更多
        </BigButton>
      ) : null}
      {!list.loading && !list.hasMore && list.items.length > 0 ? <View className='t-muted'>已经是全部了，共 {list.items.length} 条。</View> : null}
      {enabled ? (
        <BigButton variant='secondary' testId='refresh' onPress={list.reload}>
          刷新
        </BigButton>
      ) : null}
    </View>
  )
}

export default ComplaintList
