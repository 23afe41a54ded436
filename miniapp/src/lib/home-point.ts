import type { GeoPoint } from '@carecircle/shared'
import { getMe, getToken } from '../auth/session'
import { fetchMe } from '../api'
import { saveMe } from '../auth/session'

/** Luzhou 江阳区 centre: where we look when we do not know the person's home. */
export const DISTRICT_CENTRE: GeoPoint = { lat: 28.8776, lng: 105.4406 }

export interface HomePoint {
  point: GeoPoint
  /** Plain words for where we looked from. */
  note: string
  isDefault: boolean
}

/**
 * Where to search stations from: the logged-in elder's home (the first elder a family member acts
 * for), else the district centre with a note saying so. No location permission is needed.
 */
export async function loadHomePoint(): Promise<HomePoint> {
  let me = getMe()
  if (getToken()) {
    try {
      me = await fetchMe()
      saveMe(me)
    } catch {
      // fall back to the cached answer, or the district centre
    }
  }
  const elder = me?.elders[0]
  if (elder) {
    const whose = me?.user.role === 'elder' ? '您家' : `${elder.name}家`
    return { point: { lat: elder.home.lat, lng: elder.home.lng }, note: `按${whose}的位置（${elder.home.address}）查找。`, isDefault: false }
  }
  return {
    point: DISTRICT_CENTRE,
    note: getToken() ? '您的账号还没有登记家庭住址，先按江阳区中心为您查找。' : '您还没有登录，先按江阳区中心为您查找；登录后按您家的位置查找。',
    isDefault: true,
  }
}
