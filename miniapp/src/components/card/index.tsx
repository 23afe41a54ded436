import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import './index.css'

export interface CardProps {
  title?: ReactNode
  children: ReactNode
  testId?: string
  onPress?: () => void
  className?: string
  /** Which record the card shows, for tests (data-order-id …). */
  data?: Record<`data-${string}`, string | number>
}

/** A white block of related facts; tappable when `onPress` is given. */
export function Card({ title, children, testId, onPress, className, data }: CardProps) {
  return (
    <View
      {...data}
      className={`card${onPress ? ' card-tap' : ''}${className ? ` ${className}` : ''}`}
      data-testid={testId}
      role={onPress ? 'button' : undefined}
      tabIndex={onPress ? 0 : undefined}
      hoverClass={onPress ? 'card-hover' : 'none'}
      onClick={onPress}
    >
      {title ? <View className='card-title'>{title}</View> : null}
      {children}
    </View>
  )
}

/** One labelled fact: the label above, the value below, both wrapping. */
export function InfoRow({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <View className='info-row' data-testid={testId}>
      <View className='info-label'>{label}</View>
      <View className='info-value'>{children}</View>
    </View>
  )
}

export default Card
