import { useEffect, useState } from 'react'
import { View, Input, Text } from '@tarojs/components'
import { checkOutConsequences, formatYuan, type Order, type OrderActionBody } from '@carecircle/shared'
import { yuanToFen } from '../../lib/money'
import { Choice, ChoiceGrid } from '../choice'
import { formatTime } from '../../lib/time'
import { TextBox } from '../text-box'
import { WholeNumbers } from '../whole-numbers'

const WORK_NOTE_MAX = 200

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
  /** Consequences the server named (409 CHECK_OUT_NEEDS_CONFIRMATION) that this screen had not foreseen, for the amount then sent. */
  serverConsequences?: { words: string[]; chargedFen: number | undefined }
  now?: number
}

/**
 * Check-out: the minutes come from the check-in and check-out times; the worker may only report fewer
 * ("少报时长"), with a reason. Big and plain: one sentence, one optional switch.
 */
export function CheckOutStep({ order, onBody, serverConsequences, now = Date.now() }: CheckOutStepProps) {
  const derived = minutesSince(order.visit?.checkInAt ?? null, now)
  const payable = order.price.payableFen
  const [correcting, setCorrecting] = useState(false)
  const [minutes, setMinutes] = useState('')
  const [reason, setReason] = useState('')
  const [chargeDiffers, setChargeDiffers] = useState(false)
  const [charged, setCharged] = useState('')
  const [workNote, setWorkNote] = useState('')
  const [confirmed, setConfirmed] = useState(false)

  const n = Number(minutes)
  const tooMany = correcting && minutes.trim() !== '' && derived !== null && n > derived
  const chargedFen = chargeDiffers ? yuanToFen(charged) : payable
  const minutesOk = !correcting || (minutes.trim() !== '' && Number.isInteger(n) && n >= 0 && !tooMany && reason.trim() !== '')
  // The same sentences the server checks: a 0-minute visit, money from a 无偿 elder. The worker confirms them in so many words.
  const served = correcting ? (minutesOk ? n : null) : derived
  const foreseen = served === null || chargedFen === null ? [] : checkOutConsequences({ elderName: order.elder.name, tier: order.price.tier, payableFen: payable, chargedFen, servedMinutes: served })
  // The server's words hold for the amount they were said about; a changed amount is judged afresh.
  const fromServer = serverConsequences && serverConsequences.chargedFen === chargedFen ? serverConsequences.words : []
  const consequences = [...new Set([...foreseen, ...fromServer])]
  const consequenceKey = consequences.join('；')
  // A new consequence needs its own confirmation.
  useEffect(() => setConfirmed(false), [consequenceKey])
  useEffect(() => {
    if (!minutesOk || chargedFen === null || (consequences.length > 0 && !confirmed)) return onBody(null)
    const note = workNote.trim()
    onBody({
      chargedFen, ...(note ? { workNote: note } : {}), ...(correcting ? { correctedMinutes: n, correctionReason: reason.trim() } : {}),
      ...(consequences.length > 0 ? { confirmConsequences: true } : {}),
    })
  }, [correcting, minutes, reason, chargedFen, workNote, consequenceKey, confirmed])

  return (
    <>
      <View className='t-big' data-testid='check-out-minutes'>
        {derived === null
          ? '签退后，服务时长按签到到签退的时间计算。'
          : <WholeNumbers text={`${formatTime(order.visit.checkInAt!)} 签到，到现在 ${derived} 分钟。签退后按实际时间记录。`} />}
      </View>
      <ChoiceGrid>
        <Choice label='时长没问题' selected={!correcting} testId='check-out-as-is' onPress={() => setCorrecting(false)} />
        <Choice label='少报时长' selected={correcting} testId='check-out-correct' onPress={() => setCorrecting(true)} />
      </ChoiceGrid>
      {correcting ? (
        <>
          <View className='field-label'>实际服务了多少分钟？（只能比上面少）</View>
          <Input className='field' type='number' value={minutes} onInput={(e) => setMinutes(e.detail.value)} nativeProps={{ 'aria-label': '少报后的分钟数' }} />
          {tooMany ? <View className='notice warn'>不能多于 {derived} 分钟。</View> : null}
          <View className='field-label'>为什么少报？（必填）</View>
          <ChoiceGrid>
            {CORRECTION_REASONS.map((r) => (
              <Choice key={r} label={r} selected={reason === r} testId='correction-reason' onPress={() => setReason(r)} />
            ))}
          </ChoiceGrid>
          <Input className='field' value={reason} maxlength={200} onInput={(e) => setReason(e.detail.value)} nativeProps={{ 'aria-label': '少报的原因' }} />
        </>
      ) : null}
      {/* What was done: the line the elder's family reads in the visit record. */}
      <View className='field-label'>服务内容（做了什么，家属会看到）</View>
      <TextBox value={workNote} onChange={setWorkNote} label='服务内容' placeholder='例如：打扫了厨房和卫生间，换洗了床单' maxLength={WORK_NOTE_MAX} testId='work-note' />
      <View className='t-small' data-testid='work-note-count'>
        {workNote.length}/{WORK_NOTE_MAX} 字
      </View>
      {/* What was collected is recorded with the visit: a difference from the quote flags the order for the family and the supervisor. */}
      <View className='t-big' data-testid='check-out-charge'>
        预约时老人应付 <Text className='nowrap'>¥{formatYuan(payable)}</Text>，实际收了多少？
      </View>
      <ChoiceGrid>
        <Choice label={`收了 ¥${formatYuan(payable)}`} selected={!chargeDiffers} testId='charge-as-quoted' onPress={() => setChargeDiffers(false)} />
        <Choice label='收的钱不一样' selected={chargeDiffers} testId='charge-differs' onPress={() => setChargeDiffers(true)} />
      </ChoiceGrid>
      {chargeDiffers ? (
        <>
          <View className='field-label'>实际收了多少元？</View>
          <Input className='field' type='digit' value={charged} onInput={(e) => setCharged(e.detail.value)} nativeProps={{ 'aria-label': '实收金额（元）' }} />
          {charged.trim() !== '' && chargedFen === null ? <View className='notice warn'>请填写金额，例如 40 或 40.50。</View> : null}
          {chargedFen !== null && chargedFen !== payable ? (
            <View className='notice'>和预约时不一样，老人和家属会看到这笔差额。</View>
          ) : null}
        </>
      ) : null}
      {consequences.length > 0 ? (
        <View className='notice warn stack' role='alert' data-testid='check-out-consequences'>
          <View className='t-strong'>签退前请看清：</View>
          {consequences.map((c) => (
            <View key={c}>· {c}</View>
          ))}
          <ChoiceGrid>
            <Choice
              // Breaks only between the two phrases on a narrow screen.
              label={<Text><Text className='nowrap'>我知道，</Text>{'\u200b'}<Text className='nowrap'>仍要签退</Text></Text>}
              selected={confirmed}
              testId='confirm-consequences'
              onPress={() => setConfirmed(!confirmed)}
            />
          </ChoiceGrid>
          {confirmed ? null : <View>点“我知道，仍要签退”后，才能签退。</View>}
        </View>
      ) : null}
    </>
  )
}
