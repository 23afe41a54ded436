import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { HOTLINE } from '@carecircle/shared'
import type { ApiError } from '../../api'
import { BigButton } from '../big-button'
import { CallButton } from '../call-button'
import { goTop, loginUrl } from '../../lib/nav'
import { useHelpArea, type HelpArea } from '../page/help-area'

/** What to do next when nothing better is known: residents are pointed to 12349, staff to their manager. */
function nextStep(area: HelpArea, canRetry: boolean): string {
  if (area === 'resident') return `您可以再试一次；如果一直不行，请拨打 ${HOTLINE} 求助。`
  if (area === 'staff') return `${canRetry ? '您可以再试一次；' : ''}如果一直不行，请告诉驿站负责人。`
  return canRetry ? '您可以再试一次。' : '请稍后再打开这一页。'
}

export interface ErrorStateProps {
  error: Pick<ApiError, 'message'> & { needsLogin?: boolean }
  onRetry?: () => void
  /** What to do next, when the default ("try again, or call 12349") does not fit. */
  hint?: string
  /** Other ways forward (e.g. "换个时间"), shown under the retry button. */
  children?: ReactNode
}

/** What happened (the message) and what to do next (retry, log in again, or — on a resident's screen — call 12349). */
export function ErrorState({ error, onRetry, hint, children }: ErrorStateProps) {
  const area = useHelpArea()
  return (
    <View className='stack' role='alert' data-testid='error-state'>
      <View className='notice bad'>
        <View className='t-strong'>{error.message}</View>
        <View>
          {error.needsLogin ? '请重新登录后再试。' : (hint ?? nextStep(area, !!onRetry))}
        </View>
      </View>
      {error.needsLogin ? (
        <BigButton onPress={() => goTop(loginUrl(undefined, '登录已过期，请重新登录。'))} testId='relogin'>
          重新登录
        </BigButton>
      ) : onRetry ? (
        <BigButton onPress={onRetry} testId='retry'>
          再试一次
        </BigButton>
      ) : null}
      {children}
      {area === 'resident' ? (
        <CallButton phone={HOTLINE} variant='secondary' ariaLabel={`拨打养老服务热线 ${HOTLINE}`}>
          拨打 {HOTLINE} 求助
        </CallButton>
      ) : null}
    </View>
  )
}

export default ErrorState
