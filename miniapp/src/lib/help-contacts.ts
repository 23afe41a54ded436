import Taro from '@tarojs/taro'

export interface HelpStation {
  name: string
  phone: string
}

const KEY = 'cc.helpStation'

/** The station the help bar calls: the one serving the person's latest order, else the nearest. */
export function saveHelpStation(station: HelpStation): void {
  Taro.setStorageSync(KEY, { name: station.name, phone: station.phone })
}

export function getHelpStation(): HelpStation | null {
  try {
    const v = Taro.getStorageSync(KEY) as HelpStation | ''
    return v && v.phone ? v : null
  } catch {
    return null
  }
}
