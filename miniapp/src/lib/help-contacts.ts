import Taro from '@tarojs/taro'

export interface HelpStation {
  name: string
  phone: string
}

const KEY = 'cc.helpStation'

/** The station the help bar calls: the one serving the person's latest order, else the one that serves their home now. */
export function saveHelpStation(station: HelpStation): void {
  Taro.setStorageSync(KEY, { name: station.name, phone: station.phone })
}

/**
 * After a look at who serves the home now (nearby's servingStation): that station, or — when every circle around
 * the home is suspended — none, so the bar never dials a station that has stopped taking orders.
 */
export function saveServingStation(station: HelpStation | null): void {
  if (station) saveHelpStation(station)
  else Taro.removeStorageSync(KEY)
}

export function getHelpStation(): HelpStation | null {
  try {
    const v = Taro.getStorageSync(KEY) as HelpStation | ''
    return v && v.phone ? v : null
  } catch {
    return null
  }
}
