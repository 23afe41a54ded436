import { BigButton } from '../big-button'
import type { OrderPages } from '../../lib/use-order-pages'

/** "加载更多" under a paged list, shown only while the server has more. */
export function LoadMore({ pages }: { pages: Pick<OrderPages, 'hasMore' | 'loadingMore' | 'loadMore'> }) {
  if (!pages.hasMore) return null
  return (
    <BigButton variant='secondary' onPress={pages.loadMore} loading={pages.loadingMore} loadingText='正在加载，请稍候' testId='load-more'>
      加载更多
    </BigButton>
  )
}
