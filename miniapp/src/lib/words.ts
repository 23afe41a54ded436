import { TRAVEL_MODE_LABELS, type TravelMode } from '@carecircle/shared'

/** 650 → "650 米"; 2300 → "2.3 公里" (rounded to 10 m or 100 m). */
export function metersText(meters: number): string {
  if (meters < 1000) return `${Math.max(10, Math.round(meters / 10) * 10)} 米`
  return `${(meters / 1000).toFixed(1).replace(/\.0$/, '')} 公里`
}

/** "步行约 9 分钟" */
export function travelText(minutes: number, mode: TravelMode = 'walk'): string {
  return `${TRAVEL_MODE_LABELS[mode]}约 ${minutes} 分钟`
}

/**
 * "步行约 9 分钟 · 650 米": the time and the mode first, as stations are ranked by time — a station
 * 1.5 km away by e-bike can come sooner than one 790 m away on foot.
 */
export function reachText(meters: number, minutes: number, mode: TravelMode = 'walk'): string {
  return `${travelText(minutes, mode)} · ${metersText(meters)}`
}

/** The one duration wording, shared with the server's price explanations. */
export { minutesText } from '@carecircle/shared'
