import { useState } from 'react'
import { View, Input } from '@tarojs/components'
import type { Order, OrderActionBody } from '@carecircle/shared'
import { Choice, ChoiceGrid } from '../choice'
import { formatTime } from '../../lib/time'

const CORRECTION_REASONS = ['老人中途有事，提前结束', '中途离开过', '服务内容比预约的少']

/** Whole minutes from check-in to `now` (what the server will count at check-out). */
export function minutesSince(checkInAt: string | null, now: number): number | null {
  if (!checkInAt) return null
  return Math.max(0, Math.floor((now - new Date(checkInAt).getTime()) / 60_000))
}

export interface CheckOutStepProps {
  order: Order
  /** The body to send, or null while the correction is incomplete. */
  onBody: (body: OrderActionBody | null) => void
  now?: number
}

/**
 * Check-out: the minutes come from the check-in and check-out times; the worker may only report fewer
 * ("少报时长"), with a reason. Big and plain: one sentence, one optional switch.
 */
export function CheckOutStep({ order, onBody, now = Date.now() }: CheckOutStepProps) {
  const derived = minutesSince(order.visit?.checkInAt ?? null, now)
  const [correcting, setCorrecting] = useState(false)
  const [minutes, setMinutes] = useState('')
  const [reason, setReason] = useState('')

  const update = (next: { correcting?: boolean; minutes?: string; reason?: string }) => {
    const c = next.correcting ?? correcting
    const m = next.minutes ?? minutes
    const r = next.reason ?? reason
    if (next.correcting !== undefined) setCorrecting(c)
    if (next.minutes !== undefined) setMinutes(m)
    if (next.reason !== undefined) setReason(r)
    if (!c) return onBody({})
    const n = Number(m)
    const ok = m.trim() !== '' && Number.isInteger(n) && n >= 0 && (derived === null || n <= derived) && r.trim() !== ''
    onBody(ok ? { correctedMinutes: n, correctionReason: r.trim() } : null)
  }
  const n = Number(minutes)
  const tooMany = correcting && minutes.trim() !== '' && derived !== null && n > derived

  return (
    <>
      <View className='t-big' data-testid='check-out-minutes'>
        {derived === null
          ? '签退后，服务时长按签到到签退的时间计算。'
          : `${formatTime(order.visit.checkInAt!)} 签到，到现在 ${derived} 分钟。签退后按实际时间记录。`}
      </View>
      <ChoiceGrid>
        <Choice label='时长没问题' selected={!correcting} testId='check-out-as-is' onPress={() => update({ correcting: false })} />
        <Choice label='少报时长' selected={correcting} testId='check-out-correct' onPress={() => update({ correcting: true })} />
      </ChoiceGrid>
      {correcting ? (
        <>
          <View className='field-label'>实际服务了多少分钟？（只能比上面少）</View>
          <Input className='field' type='number' value={minutes} onInput={(e) => update({ minutes: e.detail.value })} nativeProps={{ 'aria-label': '少报后的分钟数' }} />
          {tooMany ? <View className='notice warn'>不能多于 {derived} 分钟。</View> : null}
          <View className='field-label'>为什么少报？（必填）</View>
          <ChoiceGrid>
            {CORRECTION_REASONS.map((r) => (
              <Choice key={r} label={r} selected={reason === r} testId='correction-reason' onPress={() => update({ reason: r })} />
            ))}
          </ChoiceGrid>
          <Input className='field' value={reason} maxlength={200} onInput={(e) => update({ reason: e.detail.value })} nativeProps={{ 'aria-label': '少报的原因' }} />
        </>
      ) : null}
    </>
  )
}
