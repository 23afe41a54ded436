import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError, toApiError } from '../api'

export interface Loaded<T> {
  data: T | null
  error: ApiError | null
  loading: boolean
  reload: () => void
}

/** Load once per `deps` change; a late answer for an old request never overwrites a newer one. */
export function useLoad<T>(fn: () => Promise<T>, deps: unknown[], enabled = true): Loaded<T> {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [loading, setLoading] = useState(enabled)
  const seq = useRef(0)
  const [tick, setTick] = useState(0)

  useEffect(() => {
    if (!enabled) {
      setLoading(false)
      return
    }
    const mine = ++seq.current
    setLoading(true)
    setError(null)
    fn().then(
      (value) => {
        if (mine !== seq.current) return
        setData(value)
        setLoading(false)
      },
      (err: unknown) => {
        if (mine !== seq.current) return
        setError(toApiError(err))
        setLoading(false)
      },
    )
  }, [...deps, enabled, tick])

  const reload = useCallback(() => setTick((t) => t + 1), [])
  return { data, error, loading, reload }
}
