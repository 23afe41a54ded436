import { Fragment, useState } from 'react'
import { View, Input } from '@tarojs/components'
import { ORDER_TRANSITIONS, type Order, type OrderAction, type OrderActionBody } from '@carecircle/shared'
import { BigButton } from '../big-button'
import { Choice, ChoiceGrid } from '../choice'
import { ErrorState } from '../error-state'
import { orderAction, toApiError, type ApiError } from '../../api'
import { deviceLocation } from '../../lib/device-location'
import { CheckOutStep } from './check-out-step'
import { checkInWords, useCheckInPhase } from './check-in-window'

const DECLINE_REASONS = ['人手不够', '时间排不开', '超出服务范围', '这项服务暂时做不了']

/** Actions that change something the person cannot undo get a second, in-page step (no pop-up). */
const NEEDS_STEP: ReadonlySet<OrderAction> = new Set(['cancel', 'decline', 'complete'])

export interface OrderActionsProps {
  order: Order
  onChanged: (order: Order) => void
}

/** Only the buttons the server says will work (`allowedActions`), labelled from the shared table. */
export function OrderActions({ order, onChanged }: OrderActionsProps) {
  const [open, setOpen] = useState<OrderAction | null>(null)
  const [reason, setReason] = useState('')
  const [checkOut, setCheckOut] = useState<OrderActionBody | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  /** What the server said this check-out will do, when the screen had not foreseen it: shown and confirmed in the step. */
  const [serverConsequences, setServerConsequences] = useState<{ words: string[]; chargedFen: number | undefined }>({ words: [], chargedFen: undefined })
  const checkInWindow = useCheckInPhase(order.checkInWindow, order.allowedActions.includes('start'))

  if (order.allowedActions.length === 0) return null

  const run = async (action: OrderAction, body: OrderActionBody = {}) => {
    setError(null)
    try {
      onChanged(await orderAction(order.id, action, body))
      setOpen(null)
    } catch (err) {
      const e = toApiError(err)
      const consequences = e.code === 'CHECK_OUT_NEEDS_CONFIRMATION' ? e.details.consequences : null
      if (Array.isArray(consequences)) setServerConsequences({ words: consequences.map(String), chargedFen: body.chargedFen })
      else setError(e)
    }
  }
  const notYet = checkInWords(order.checkInWindow, checkInWindow.phase, checkInWindow.now)

  // Check-in records where the device is when it can tell; a refusal or failure still checks in.
  const checkIn = async () => run('start', { location: await deviceLocation() })

  return (
    <View className='stack' data-testid='order-actions'>
      {error ? <ErrorState error={error} /> : null}
      {order.allowedActions.map((action) => {
        const label = ORDER_TRANSITIONS[action].label
        if (open !== action) {
          const closed = action === 'start' && notYet !== null
          return (
            <Fragment key={action}>
              {/* The server refuses check-in outside its window: the button stays off and says when it opens. */}
              {closed ? <View className='notice warn' data-testid='check-in-opens'>{notYet}</View> : null}
              <BigButton
                variant={action === 'cancel' || action === 'decline' ? 'secondary' : 'primary'}
                testId={`action-${action}`}
                disabled={closed}
                onPress={() => (NEEDS_STEP.has(action) ? setOpen(action) : action === 'start' ? checkIn() : run(action))}
                loadingText={action === 'start' ? '正在签到，请稍候……' : '正在提交，请稍候……'}
              >
                {label}
              </BigButton>
            </Fragment>
          )
        }
        return (
          <View key={action} className='card stack' data-testid={`action-${action}-step`}>
            {action === 'cancel' ? <View className='t-big'>确定要取消这次预约吗？</View> : null}
            {action === 'decline' ? (
              <>
                <View className='t-big'>为什么无法接单？（必填）</View>
                <ChoiceGrid>
                  {DECLINE_REASONS.map((r) => (
                    <Choice key={r} label={r} selected={reason === r} testId='decline-reason' onPress={() => setReason(r)} />
                  ))}
                </ChoiceGrid>
                <View className='field-label'>或者自己写原因：</View>
                <Input className='field' value={reason} maxlength={200} onInput={(e) => setReason(e.detail.value)} nativeProps={{ 'aria-label': '无法接单的原因' }} />
              </>
            ) : null}
            {action === 'complete' ? <CheckOutStep order={order} onBody={setCheckOut} serverConsequences={serverConsequences} /> : null}
            <BigButton
              variant={action === 'complete' ? 'primary' : 'danger'}
              testId={`action-${action}-confirm`}
              disabled={(action === 'decline' && reason.trim() === '') || (action === 'complete' && checkOut === null)}
              loadingText='正在提交，请稍候……'
              onPress={() =>
                run(action, action === 'decline' ? { reason: reason.trim() } : action === 'complete' ? checkOut ?? {} : {})
              }
            >
              {action === 'cancel' ? '确定取消' : action === 'decline' ? '确认无法接单' : '确认签退'}
            </BigButton>
            {action === 'decline' && reason.trim() === '' ? <View className='t-small'>选一个原因或写上原因后，才能提交。</View> : null}
            <BigButton variant='secondary' onPress={() => setOpen(null)} testId={`action-${action}-back`}>
              {action === 'cancel' ? '不取消了' : '先不处理'}
            </BigButton>
          </View>
        )
      })}
    </View>
  )
}

export default OrderActions
