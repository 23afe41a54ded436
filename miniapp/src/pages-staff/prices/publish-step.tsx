import { useState } from 'react'
import { WholeDateTime } from '../../components/whole-numbers'
import { Picker, Text, View } from '@tarojs/components'
import { Choice, ChoiceGrid } from '../../components/choice'
import { BigButton } from '../../components/big-button'
import { businessDate } from '../../lib/time'
import type { WaitingVersion } from '@carecircle/shared'
import { chosenTime, effectiveProblem, soonest } from './effective-time'
import { WaitingConfirm } from './waiting-confirm'

type When = 'now' | 'tomorrow' | 'chosen'

export interface PublishStepProps {
  /** Publishes; answers the versions still waiting after that time when the admin has yet to confirm them. */
  onPublish: (effectiveFrom: string, confirmWaiting?: number[]) => Promise<WaitingVersion[] | null>
  onBack: () => void
  /** The confirmation of waiting versions shows (true) or is left (false): the page puts it at its top, alone. */
  onConfirming?: (confirming: boolean) => void
}

/**
 * When the new prices start: in a minute, tomorrow 00:00, or a chosen day and time; said back in words before
 * publishing. If versions already published wait for a later time, what they will change is shown and confirmed first.
 */
export function PublishStep({ onPublish, onBack, onConfirming }: PublishStepProps) {
  const [when, setWhen] = useState<When>('tomorrow')
  const [date, setDate] = useState(businessDate(1))
  const [time, setTime] = useState('08:00')
  const [waiting, setWaiting] = useState<{ effectiveFrom: string; versions: WaitingVersion[] } | null>(null)
  const effectiveFrom = when === 'now' ? soonest() : when === 'tomorrow' ? chosenTime(businessDate(1), '00:00') : chosenTime(date, time)
  const problem = effectiveProblem(effectiveFrom)

  const publish = async (at: string, confirmWaiting?: number[]) => {
    const versions = await onPublish(at, confirmWaiting)
    setWaiting(versions ? { effectiveFrom: at, versions } : null)
    if (versions) onConfirming?.(true)
  }
  const back = () => {
    setWaiting(null)
    onConfirming?.(false)
  }

  if (waiting) {
    // "马上" is a minute from the tap that publishes, not from the first one.
    const at = when === 'now' ? soonest() : waiting.effectiveFrom
    return (
      <WaitingConfirm
        effectiveFrom={waiting.effectiveFrom}
        waiting={waiting.versions}
        onConfirm={() => publish(at, waiting.versions.map((v) => v.id))}
        onBack={back}
      />
    )
  }

  return (
    <View className='stack' data-testid='publish-step'>
      <View className='section-title'>从什么时候起执行新价格</View>
      <ChoiceGrid wide>
        <Choice label='马上' sub='约 1 分钟后' selected={when === 'now'} testId='effective-now' onPress={() => setWhen('now')} />
        <Choice label='明天零点' selected={when === 'tomorrow'} testId='effective-tomorrow' onPress={() => setWhen('tomorrow')} />
        <Choice label='选日期时间' selected={when === 'chosen'} testId='effective-chosen' onPress={() => setWhen('chosen')} />
      </ChoiceGrid>
      {when === 'chosen' ? (
        <View className='row'>
          <View className='row-item'>
            <View className='field-label'>日期</View>
            <Picker mode='date' value={date} start={businessDate(0)} onChange={(e) => setDate(String(e.detail.value))}>
              <View className='field picker-field' role='button' aria-label={`生效日期 ${date}，点一下修改`} data-testid='effective-date'>
                {date}
              </View>
            </Picker>
          </View>
          <View className='row-item'>
            <View className='field-label'>时间</View>
            <Picker mode='time' value={time} onChange={(e) => setTime(String(e.detail.value))}>
              <View className='field picker-field' role='button' aria-label={`生效时间 ${time}，点一下修改`} data-testid='effective-time'>
                {time}
              </View>
            </Picker>
          </View>
        </View>
      ) : null}
      {problem ? (
        <View className='notice warn' role='alert'>
          {problem}
        </View>
      ) : (
        <View className='notice' data-testid='effective-words'>
          新价格从 <WholeDateTime iso={effectiveFrom} className='t-strong' /> 起执行。公示后不能再改，要改就再发一个新版本；在这之前预约的订单仍按预约时的价格。
        </View>
      )}
      <BigButton testId='publish-confirm' disabled={!!problem} loadingText='正在公示，请稍候' onPress={() => publish(when === 'now' ? soonest() : effectiveFrom)}>
        确认公示
      </BigButton>
      <BigButton variant='secondary' testId='publish-back' onPress={onBack}>
        返回预览
      </BigButton>
    </View>
  )
}

export default PublishStep
