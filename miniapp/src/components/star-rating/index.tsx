import { View } from '@tarojs/components'
import { Choice } from '../choice'
import './index.css'

/** The words for each number of stars: the number and the word, so no one has to count stars. */
export const STAR_WORDS: Record<number, string> = { 1: '很差', 2: '较差', 3: '一般', 4: '较好', 5: '很好' }
export const starsText = (stars: number) => `${stars} 星 ${STAR_WORDS[stars] ?? ''}`.trim()

export interface StarPickerProps {
  value: number | null
  onChange: (stars: number) => void
}

/** Five big buttons, one per line, "1 星 很差" … "5 星 很好"; the chosen one says "✓ 已选" in words. */
export function StarPicker({ value, onChange }: StarPickerProps) {
  return (
    <View className='star-picker' role='radiogroup' aria-label='给这次服务打几颗星'>
      {[1, 2, 3, 4, 5].map((n) => (
        <Choice key={n} label={starsText(n)} sub={<View aria-hidden='true'>{'★'.repeat(n)}</View>} selected={value === n} testId='star-option' value={String(n)} onPress={() => onChange(n)} />
      ))}
    </View>
  )
}

export default StarPicker
