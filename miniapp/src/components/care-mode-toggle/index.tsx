import { View } from '@tarojs/components'
import { useCareMode } from '../../lib/care-mode'
import './index.css'

/** The 长辈版 switch: bigger text and buttons everywhere; its state is said in words. */
export function CareModeToggle() {
  const [on, setOn] = useCareMode()
  return (
    <View
      className={`care-toggle${on ? ' on' : ''}`}
      role='switch'
      tabIndex={0}
      aria-checked={on ? 'true' : 'false'}
      aria-label='长辈版，大字大按钮'
      data-testid='care-mode-toggle'
      onClick={() => setOn(!on)}
    >
      {/* Off: what it does, to invite. On: one row, as big words take the room the services need on the first screen. */}
      <View className='care-toggle-text'>
        <View className='t-strong'>{on ? '长辈版' : '长辈版（大字大按钮）'}</View>
        {on ? null : <View className='care-toggle-hint'>点一下开启，字和按钮都变大</View>}
      </View>
      <View className='care-toggle-state'>{on ? '已开启' : '已关闭'}</View>
    </View>
  )
}

export default CareModeToggle
