import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { WholeNumbers } from '../whole-numbers'
import './index.css'

export interface ChoiceProps {
  label: ReactNode
  sub?: ReactNode
  selected?: boolean
  onPress: () => void
  testId?: string
  /** Extra data attributes for tests, e.g. the date of a day button. */
  value?: string
  /** 'held': a time the elder already holds (its words say so; the dashed border is only a second signal). */
  variant?: 'held'
  /** Shown but not tappable (its `sub` says why in words; the grey is only a second signal). */
  disabled?: boolean
}

/** One of several options (day, elder, time): the chosen one says "已选" in words, not only colour. */
export function Choice({ label, sub, selected = false, onPress, testId, value, variant, disabled = false }: ChoiceProps) {
  return (
    <View
      className={`choice${selected ? ' selected' : ''}${variant ? ` ${variant}` : ''}${disabled ? ' disabled' : ''}`}
      role='button'
      tabIndex={disabled ? -1 : 0}
      aria-pressed={selected ? 'true' : 'false'}
      aria-disabled={disabled ? 'true' : undefined}
      data-testid={testId}
      data-value={value}
      hoverClass={disabled ? 'none' : 'choice-hover'}
      onClick={disabled ? undefined : onPress}
    >
      <View className='choice-label'>{label}</View>
      {/* A sub line in words ("步行 15 分钟", "约 1 分钟后") keeps each number with its unit. */}
      {sub ? <View className='choice-sub'>{typeof sub === 'string' ? <WholeNumbers text={sub} /> : sub}</View> : null}
      {selected ? <View className='choice-mark'>✓ 已选</View> : null}
    </View>
  )
}

/** `wide`: two per row (one in 长辈版), for labels of four or more characters that must not break. */
export function ChoiceGrid({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  return <View className={`choice-grid${wide ? ' wide' : ''}`}>{children}</View>
}

export default Choice
