import { BigButton } from '../big-button'

/** What a paged list offers (useOrderPages, usePaged): a pending loadMore promise also shows the button busy. */
interface MorePages {
  hasMore: boolean
  loadingMore?: boolean
  loadMore: () => void | Promise<unknown>
}

/** "加载更多" under a paged list, shown only while the server has more. */
export function LoadMore({ pages }: { pages: MorePages }) {
  if (!pages.hasMore) return null
  return (
    <BigButton variant='secondary' onPress={pages.loadMore} loading={pages.loadingMore ?? false} loadingText='正在加载，请稍候' testId='load-more'>
      加载更多
    </BigButton>
  )
}
