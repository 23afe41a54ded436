import { useState } from 'react'
import { View } from '@tarojs/components'
import type { PriceBoard, StationSupervision } from '@carecircle/shared'
import { BigButton } from '../../components/big-button'
import { Choice, ChoiceGrid } from '../../components/choice'
import { ErrorState } from '../../components/error-state'
import { Card, InfoRow } from '../../components/card'
import { TextBox } from '../../components/text-box'
import { StationRating } from '../../components/station-rating'
import { reinstateStation, suspendStation, toApiError, type ApiError } from '../../api'

const STATUS_WORDS = { active: '正常接单', suspended: '已暂停接单', closed: '已停业' } as const

/** What happened to the station's open orders, in words. */
export function outcomeText(r: StationSupervision, action: 'suspend' | 'reinstate'): string {
  const { rerouted, unassigned, kept } = r.orders
  const head = action === 'suspend' ? `已暂停“${r.station.name}”接单。` : `已恢复“${r.station.name}”接单。`
  if (action === 'reinstate') return `${head}居民又可以在这里预约了。`
  if (rerouted + unassigned + kept === 0) return `${head}它没有未完成的订单。`
  const parts = [`${rerouted} 单改派到其他驿站`, `${unassigned} 单附近没有驿站能接（已转到“待派单”，请协调）`, `${kept} 单保留在这家驿站`]
  return `${head}已有订单：${parts.join('；')}。`
}

export interface StationPanelProps {
  board: PriceBoard
  /** After a suspension or reinstatement: reload the station. */
  onChanged: () => void
}

/**
 * One station's 暂停接单 or 恢复接单: fill in the form, read it back in a confirm step (nothing is sent
 * before), then the outcome counts in words.
 */
export function StationPanel({ board, onChanged }: StationPanelProps) {
  const { station } = board
  const [reason, setReason] = useState('')
  const [reroute, setReroute] = useState<boolean | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const [outcome, setOutcome] = useState<string | null>(null)
  const suspending = station.status === 'active'
  const missing = suspending ? (reason.trim().length < 2 ? '请写明暂停的原因（至少 2 个字，会在价格公示页上公开）。' : reroute === null ? '请选择已有订单怎么办。' : null) : null

  const send = async () => {
    setError(null)
    try {
      const r = suspending ? await suspendStation(station.id, { reason: reason.trim(), reroute: reroute === true }) : await reinstateStation(station.id, reason.trim() ? { reason: reason.trim() } : {})
      setOutcome(outcomeText(r, suspending ? 'suspend' : 'reinstate'))
      setConfirming(false)
      setReason('')
      setReroute(null)
      onChanged()
    } catch (err) {
      setError(toApiError(err))
    }
  }

  return (
    <View className='stack' data-testid='station-panel'>
      {outcome ? (
        <View className='notice ok' role='status' data-testid='supervision-outcome'>
          {outcome}
        </View>
      ) : null}
      <Card title={station.name}>
        <InfoRow label='运营方'>{board.operator.name}</InfoRow>
        <InfoRow label='现在'>
          <View className='t-strong' data-testid='station-status' data-status={station.status}>
            {STATUS_WORDS[station.status]}
          </View>
        </InfoRow>
        {station.status === 'suspended' ? <InfoRow label='暂停原因（已公开）'>{station.suspendedReason ?? '未写明'}</InfoRow> : null}
        <InfoRow label='居民评价'>
          <StationRating rating={station.rating} ratingCount={station.ratingCount} />
        </InfoRow>
      </Card>

      {station.status === 'closed' ? <View className='notice'>这家驿站已停业，不能暂停或恢复。</View> : null}
      {station.status !== 'closed' && !confirming ? (
        <Card className='stack' testId={suspending ? 'suspend-form' : 'reinstate-form'}>
          <View className='t-big'>{suspending ? '暂停接单' : '恢复接单'}</View>
          <View className='field-label'>{suspending ? '暂停的原因（必填，会公开在价格公示页和红黑榜上）：' : '恢复的原因（可不填）：'}</View>
          <TextBox
            value={reason}
            onChange={setReason}
            maxLength={200}
            label={suspending ? '暂停的原因' : '恢复的原因'}
            placeholder={suspending ? '例如：抽查发现收费与公示不符，限期整改' : '例如：整改已完成，复查合格'}
            testId={suspending ? 'suspend-reason' : 'reinstate-reason'}
          />
          {suspending ? (
            <>
              <View className='field-label'>这家驿站已经接下、还没上门的订单怎么办？</View>
              <ChoiceGrid wide>
                <Choice label='改派' sub='转给附近驿站' selected={reroute === true} testId='reroute-yes' onPress={() => setReroute(true)} />
                <Choice label='保留' sub='仍由本站上门' selected={reroute === false} testId='reroute-no' onPress={() => setReroute(false)} />
              </ChoiceGrid>
            </>
          ) : null}
          {missing ? <View className='t-muted' data-testid='supervision-missing'>{missing}</View> : null}
          <BigButton variant={suspending ? 'danger' : 'primary'} disabled={!!missing} testId={suspending ? 'suspend-station' : 'reinstate-station'} onPress={() => setConfirming(true)}>
            {suspending ? '暂停这家驿站接单…' : '恢复这家驿站接单…'}
          </BigButton>
        </Card>
      ) : null}
      {confirming ? (
        <Card className='stack' testId='supervision-confirm-step'>
          <View className='t-big'>{suspending ? `确定暂停“${station.name}”接单吗？` : `确定恢复“${station.name}”接单吗？`}</View>
          {suspending ? (
            <>
              <View>原因（会公开）：{reason.trim()}</View>
              <View>已有订单：{reroute ? '改派给附近有空档的驿站' : '保留，仍由这家驿站上门'}</View>
              <View>确定后，居民马上就不能再在这家驿站预约。</View>
            </>
          ) : (
            <View>确定后，居民马上又可以在这家驿站预约。{reason.trim() ? `原因：${reason.trim()}` : ''}</View>
          )}
          {error ? <ErrorState error={error} hint='请检查后再试。' /> : null}
          <BigButton variant={suspending ? 'danger' : 'primary'} testId='supervision-confirm' onPress={send} loadingText='正在提交，请稍候'>
            {suspending ? '确定暂停接单' : '确定恢复接单'}
          </BigButton>
          <BigButton variant='secondary' testId='supervision-back' onPress={() => setConfirming(false)}>
            返回修改
          </BigButton>
        </Card>
      ) : null}
    </View>
  )
}
