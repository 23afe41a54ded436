import { useEffect, useState } from 'react'
import { fetchMe } from '../../../api'
import { getToken, saveMe } from '../../../auth/session'
import { useLoad } from '../../../lib/use-load'

/** Who this visit is for: the elders this user acts for (fresh /api/me), chosen at once when there is only one. */
export function useBookingElder() {
  const loggedIn = !!getToken()
  const me = useLoad(async () => {
    const value = await fetchMe()
    saveMe(value)
    return value
  }, [], loggedIn)
  const elders = me.data?.elders ?? []
  const [elderId, setElderId] = useState<number | null>(null)
  useEffect(() => {
    if (elders.length === 1) setElderId(elders[0].id)
  }, [me.data])
  const elder = elders.find((e) => e.id === elderId) ?? null
  return { loggedIn, me, elders, elderId, elder, setElderId, several: elders.length > 1 }
}
