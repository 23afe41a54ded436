import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { callPhone, telHref } from '../../lib/phone'
import './index.css'

export interface CallButtonProps {
  phone: string
  children: ReactNode
  /** Read by screen readers: who is called, e.g. "拨打养老服务热线 12349". */
  ariaLabel: string
  variant?: 'danger' | 'primary' | 'secondary'
  testId?: string
}

/**
 * One tap to call. H5 renders a real tel: link (the browser hands it to the phone); weapp calls
 * Taro.makePhoneCall, which shows WeChat's own call sheet.
 */
export function CallButton({ phone, children, ariaLabel, variant = 'secondary', testId }: CallButtonProps) {
  const className = `call-btn ${variant}`
  if (process.env.TARO_ENV === 'h5') {
    return (
      <a className={className} href={telHref(phone)} aria-label={ariaLabel} data-testid={testId}>
        {children}
      </a>
    )
  }
  return (
    <View className={className} role='button' aria-label={ariaLabel} data-testid={testId} hoverClass='call-btn-hover' onClick={() => callPhone(phone)}>
      {children}
    </View>
  )
}

export default CallButton
