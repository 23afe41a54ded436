import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError, toApiError } from '../api'

export interface Paged<T> {
  items: T[]
  /** There are more rows on the server: show 加载更多. */
  hasMore: boolean
  loading: boolean
  /** A failure of the first page or of 加载更多; the rows already shown stay. */
  error: ApiError | null
  loadMore: () => Promise<void>
  reload: () => void
}

/**
 * A keyset-paged list (newest first, `nextCursor`): the first page on each `deps` change, further pages on
 * request. Nothing is dropped or shown twice: each page starts where the server said the last one ended.
 */
export function usePaged<T>(fetchPage: (cursor?: string) => Promise<{ items: T[]; nextCursor: string | null }>, deps: unknown[], enabled = true): Paged<T> {
  const [items, setItems] = useState<T[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(enabled)
  const [error, setError] = useState<ApiError | null>(null)
  const [tick, setTick] = useState(0)
  const seq = useRef(0)

  useEffect(() => {
    if (!enabled) {
      setLoading(false)
      return
    }
    const mine = ++seq.current
    setLoading(true)
    setError(null)
    fetchPage().then(
      (page) => {
        if (mine !== seq.current) return
        setItems(page.items)
        setCursor(page.nextCursor)
        setLoading(false)
      },
      (err: unknown) => {
        if (mine !== seq.current) return
        setItems([])
        setCursor(null)
        setError(toApiError(err))
        setLoading(false)
      },
    )
  }, [...deps, enabled, tick])

  const loadMore = useCallback(async () => {
    if (!cursor) return
    const mine = seq.current
    setError(null)
    try {
      const page = await fetchPage(cursor)
      if (mine !== seq.current) return
      setItems((prev) => [...prev, ...page.items])
      setCursor(page.nextCursor)
    } catch (err) {
      if (mine === seq.current) setError(toApiError(err))
    }
  }, [cursor, ...deps])

  const reload = useCallback(() => setTick((t) => t + 1), [])
  return { items, hasMore: cursor !== null, loading, error, loadMore, reload }
}
