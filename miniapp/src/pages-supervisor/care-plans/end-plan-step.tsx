import { useState } from 'react'
import { View } from '@tarojs/components'
import type { CarePlan } from '@carecircle/shared'
import { BigButton } from '../../components/big-button'
import { TextBox } from '../../components/text-box'
import { ErrorState } from '../../components/error-state'
import { endCarePlan, toApiError, type ApiError } from '../../api'

/** 结束巡访 asks why first (kept with the plan), then ends it; open rounds are cancelled by the server. */
export function EndPlanStep({ plan, onEnded }: { plan: CarePlan; onEnded: (p: CarePlan) => void }) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  if (!open) {
    return (
      <BigButton variant='secondary' testId='end-plan' onPress={() => setOpen(true)}>
        结束巡访
      </BigButton>
    )
  }
  const submit = async () => {
    if (reason.trim().length < 2) return setProblem('请写明为什么结束，例如：子女接回家同住。')
    setProblem(null)
    try {
      onEnded(await endCarePlan(plan.id, reason.trim()))
    } catch (err) {
      setError(toApiError(err))
    }
  }
  return (
    <View className='stack'>
      <View className='field-label'>为什么不再巡访{plan.elder.name}？</View>
      <TextBox value={reason} onChange={setReason} label='结束巡访的原因' maxLength={200} placeholder='例如：子女接回家同住' testId='end-plan-reason' />
      {problem ? <View className='notice warn' role='alert'>{problem}</View> : null}
      {error ? <ErrorState error={error} /> : null}
      <BigButton variant='danger' testId='end-plan-confirm' loadingText='正在提交……' onPress={submit}>
        确定结束，未办的巡访一并取消
      </BigButton>
      <BigButton variant='secondary' onPress={() => setOpen(false)}>
        不结束了
      </BigButton>
    </View>
  )
}
