import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import './index.css'

export interface TileProps {
  title: string
  /** Second line in plain words, e.g. "约 60 分钟 · 按次". */
  detail?: ReactNode
  onPress: () => void
  testId?: string
  ariaLabel?: string
}

/** A big square-ish choice on a grid: the whole tile is the tap target. */
export function Tile({ title, detail, onPress, testId, ariaLabel }: TileProps) {
  return (
    <View className='tile' role='button' tabIndex={0} aria-label={ariaLabel} data-testid={testId} hoverClass='tile-hover' onClick={onPress}>
      <View className='tile-title'>{title}</View>
      {detail ? <View className='tile-detail'>{detail}</View> : null}
    </View>
  )
}

export function TileGrid({ children }: { children: ReactNode }) {
  return <View className='tile-grid'>{children}</View>
}

export default Tile
