import { TRAVEL_MODE_LABELS, type TravelMode } from '@carecircle/shared'

/** 650 → "约 650 米"; 2300 → "约 2.3 公里". */
export function distanceText(meters: number): string {
  if (meters < 1000) return `约 ${Math.max(10, Math.round(meters / 10) * 10)} 米`
  return `约 ${(meters / 1000).toFixed(1).replace(/\.0$/, '')} 公里`
}

/** "步行约 9 分钟" */
export function travelText(minutes: number, mode: TravelMode = 'walk'): string {
  return `${TRAVEL_MODE_LABELS[mode]}约 ${minutes} 分钟`
}

/** "约 650 米，步行约 9 分钟" */
export function reachText(meters: number, minutes: number, mode: TravelMode = 'walk'): string {
  return `${distanceText(meters)}，${travelText(minutes, mode)}`
}

/** 90 → "1 小时 30 分钟" */
export function minutesText(minutes: number): string {
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  if (!h) return `${m} 分钟`
  return m ? `${h} 小时 ${m} 分钟` : `${h} 小时`
}
