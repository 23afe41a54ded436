import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'

const KEY = 'cc.careMode'
const EVENT = 'cc:careMode'

export function getCareMode(): boolean {
  try {
    return Taro.getStorageSync(KEY) === true
  } catch {
    return false
  }
}

/** Persist 长辈版 and tell every open page, so the switch takes effect everywhere at once. */
export function setCareMode(on: boolean): void {
  Taro.setStorageSync(KEY, on)
  Taro.eventCenter.trigger(EVENT, on)
}

export function useCareMode(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(getCareMode)
  useEffect(() => {
    const listener = (value: boolean) => setOn(value)
    Taro.eventCenter.on(EVENT, listener)
    return () => {
      Taro.eventCenter.off(EVENT, listener)
    }
  }, [])
  return [on, setCareMode]
}

/**
 * WeChat's own font-size setting (设置 → 字体大小) as a factor; 1 on H5 or older clients. Never
 * below 1, so a "small" system setting cannot take text under 16 px.
 */
export function systemFontScale(): number {
  try {
    const getInfo = (Taro as { getAppBaseInfo?: () => unknown }).getAppBaseInfo
    const info = typeof getInfo === 'function' ? (getInfo() as { fontSizeScaleFactor?: number } | undefined) : undefined
    const factor = info?.fontSizeScaleFactor
    if (typeof factor === 'number' && factor > 1) return Math.min(factor, 2)
  } catch {
    // H5 and old base libraries: fall through to 1.
  }
  return 1
}
