import Taro from '@tarojs/taro'
import type { CheckInLocation } from '@carecircle/shared'

/**
 * Where the device is now, for a check-in's proof of place; undefined when the person refuses, the device has
 * no fix, or it takes too long. Never blocks the check-in itself.
 */
export async function deviceLocation(): Promise<CheckInLocation | undefined> {
  try {
    const r = await Taro.getLocation({ type: 'gcj02', isHighAccuracy: true, highAccuracyExpireTime: 4000 })
    if (!Number.isFinite(r.latitude) || !Number.isFinite(r.longitude)) return undefined
    return { lat: r.latitude, lng: r.longitude, ...(Number.isFinite(r.accuracy) && r.accuracy >= 0 ? { accuracyMeters: r.accuracy } : {}) }
  } catch {
    return undefined
  }
}
