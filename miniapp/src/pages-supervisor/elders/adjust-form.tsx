import { useState } from 'react'
import { Input, View } from '@tarojs/components'
import { HOURS_KIND_LABELS, HOURS_KINDS, type HoursKind, type HoursResponse } from '@carecircle/shared'
import { Choice, ChoiceGrid } from '../../components/choice'
import { TextBox } from '../../components/text-box'
import { BigButton } from '../../components/big-button'
import { adjustHours, toApiError } from '../../api'
import { adjustBody } from './forms'

/** Adds or takes back minutes of this week, with a reason (a ledger entry of its own, seen by the elder). */
export function AdjustForm({ elderId, onDone }: { elderId: number; onDone: (h: HoursResponse) => void }) {
  const [kind, setKind] = useState<HoursKind>('housekeeping')
  const [direction, setDirection] = useState<1 | -1>(1)
  const [minutes, setMinutes] = useState('')
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | null>(null)

  const submit = async () => {
    const checked = adjustBody(kind, direction, minutes, reason)
    if (!checked.ok) return setProblem(checked.problem)
    setProblem(null)
    try {
      onDone(await adjustHours(elderId, checked.body))
      setMinutes('')
      setReason('')
    } catch (err) {
      setProblem(toApiError(err).message)
    }
  }

  return (
    <View className='stack' data-testid='adjust-form'>
      <ChoiceGrid>
        {HOURS_KINDS.map((k) => (
          <Choice key={k} label={HOURS_KIND_LABELS[k]} selected={kind === k} testId='adjust-kind' value={k} onPress={() => setKind(k)} />
        ))}
      </ChoiceGrid>
      <ChoiceGrid>
        <Choice label='增加' selected={direction === 1} testId='adjust-direction' value='add' onPress={() => setDirection(1)} />
        <Choice label='减少' selected={direction === -1} testId='adjust-direction' value='take' onPress={() => setDirection(-1)} />
      </ChoiceGrid>
      <View className='field-label'>多少分钟</View>
      <Input
        className='field'
        type='number'
        value={minutes}
        maxlength={4}
        onInput={(e) => setMinutes(e.detail.value)}
        nativeProps={{ 'aria-label': '调整多少分钟' }}
        data-testid='adjust-minutes'
      />
      <View className='field-label'>原因（老人会看到）</View>
      <TextBox value={reason} onChange={setReason} label='调整原因' placeholder='例如：上周服务人员迟到，补回 30 分钟' maxLength={200} testId='adjust-reason' />
      {problem ? (
        <View className='notice bad' role='alert' data-testid='adjust-problem'>
          {problem}
        </View>
      ) : null}
      <BigButton testId='adjust-submit' loadingText='正在保存……' onPress={submit}>
        保存调整
      </BigButton>
    </View>
  )
}

export default AdjustForm
