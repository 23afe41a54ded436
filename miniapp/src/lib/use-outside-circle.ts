import type { ElderSummary, OutsideCircle } from '@carecircle/shared'
import { fetchElderCoverage, fetchMe } from '../api'
import { getToken, getUser, isResident, saveMe } from '../auth/session'
import { useLoad } from './use-load'

export interface ElderOutside {
  elder: ElderSummary
  outside: OutsideCircle
}

/**
 * For a logged-in resident: the elders they book for whose home no station's 15-minute circle covers, so the
 * menu says so before anyone picks a service. Nobody logged in, or every home covered: an empty list.
 */
export function useOutsideCircle(): { list: ElderOutside[]; several: boolean } {
  const enabled = !!getToken() && isResident(getUser())
  const found = useLoad(async () => {
    const me = await fetchMe()
    saveMe(me)
    const coverages = await Promise.all(me.elders.map((e) => fetchElderCoverage(e.id)))
    const list = me.elders.flatMap((elder, i) => {
      const outside = coverages[i].outsideCircle
      return outside ? [{ elder, outside }] : []
    })
    return { list, several: me.elders.length > 1 }
  }, [], enabled)
  // A failure here leaves the menu as it was: the time page asks again and says the reason there.
  return found.data ?? { list: [], several: false }
}
