import { useEffect, useState } from 'react'
import type { ElderSummary } from '@carecircle/shared'
import { fetchMe } from '../../../api'
import { getToken, saveMe } from '../../../auth/session'
import { useLoad } from '../../../lib/use-load'
import { defaultElderId, getLastElderId, saveLastElderId } from '../../../lib/booking-elder'

/**
 * Who this visit is for: the elders this user acts for (fresh /api/me), starting on the only one or the one booked
 * for last time. Staff and supervisors booking for an elder who phoned in (代客下单) pass that elder instead.
 */
export function useBookingElder(forElder: { id: number; name: string } | null = null) {
  const loggedIn = !!getToken()
  const me = useLoad(async () => {
    const value = await fetchMe()
    saveMe(value)
    return value
  }, [], loggedIn && !forElder)
  const elders: ElderSummary[] = me.data?.elders ?? []
  const [elderId, setElderId] = useState<number | null>(forElder?.id ?? null)
  useEffect(() => {
    if (!forElder && me.data) setElderId(defaultElderId(elders, getLastElderId()))
  }, [me.data])
  const pick = (id: number) => {
    setElderId(id)
    saveLastElderId(id)
  }
  const elder = forElder ?? elders.find((e) => e.id === elderId) ?? null
  return { loggedIn, me, elders, elderId, elder, setElderId: pick, several: !forElder && elders.length > 1 }
}
