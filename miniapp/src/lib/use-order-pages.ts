import { useCallback, useEffect, useState } from 'react'
import type { Order, OrdersResponse } from '@carecircle/shared'
import { ApiError, toApiError } from '../api'
import { useLoad } from './use-load'

export interface OrderPages {
  /** Every order loaded so far, first page first. */
  orders: Order[]
  /** The first page has arrived (an empty list is then really empty). */
  loaded: boolean
  loading: boolean
  error: ApiError | null
  /** The server has more than what is shown: offer "加载更多". */
  hasMore: boolean
  loadingMore: boolean
  loadMore: () => void
  reload: () => void
}

/**
 * The order list page by page (the server pages with a cursor and never drops rows): the first page on
 * `deps` change or reload, the next one on loadMore. A reload starts again from the first page.
 */
export function useOrderPages(fetchPage: (cursor?: string) => Promise<OrdersResponse>, deps: unknown[], enabled = true): OrderPages {
  const first = useLoad(() => fetchPage(), deps, enabled)
  const [more, setMore] = useState<Order[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<ApiError | null>(null)

  useEffect(() => {
    setMore([])
    setMoreError(null)
    setCursor(first.data?.nextCursor ?? null)
  }, [first.data])

  const loadMore = useCallback(() => {
    if (!cursor || loadingMore) return
    setLoadingMore(true)
    setMoreError(null)
    fetchPage(cursor).then(
      (page) => {
        setMore((m) => [...m, ...page.orders.filter((o) => !m.some((x) => x.id === o.id))])
        setCursor(page.nextCursor)
        setLoadingMore(false)
      },
      (err: unknown) => {
        setMoreError(toApiError(err))
        setLoadingMore(false)
      },
    )
  }, [cursor, loadingMore, fetchPage])

  return {
    orders: first.data ? [...first.data.orders, ...more] : [],
    loaded: !!first.data,
    loading: first.loading,
    error: first.error ?? moreError,
    hasMore: !!cursor,
    loadingMore,
    loadMore,
    reload: first.reload,
  }
}
