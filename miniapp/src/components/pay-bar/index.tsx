import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { formatYuan } from '@carecircle/shared'
import './index.css'

export interface PayBarProps {
  /** Who pays, in words: "您需支付" to the elder, "本次需支付" to family booking for them. */
  label: string
  payableFen: number
  /** The confirm button, and anything that must be seen with it (an error from the last try). */
  children: ReactNode
}

/**
 * The amount to pay and the button that commits to it, kept on screen at the bottom of a small phone
 * (sticky, so it never covers the details above it: they scroll, it stays). The last child of the page.
 */
export function PayBar({ label, payableFen, children }: PayBarProps) {
  return (
    <View className='pay-bar' role='region' aria-label='支付和确认'>
      <View className='pay-bar-amount' data-testid='payable'>
        <Text>{label} </Text>
        <Text className='pay-bar-number'>¥{formatYuan(payableFen)}</Text>
      </View>
      {children}
    </View>
  )
}

export default PayBar
