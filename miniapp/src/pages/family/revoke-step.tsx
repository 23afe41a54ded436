import { useState } from 'react'
import { View } from '@tarojs/components'
import { BigButton } from '../../components/big-button'
import { ErrorState } from '../../components/error-state'
import { revokeBinding, toApiError, type ApiError } from '../../api'

export interface RevokeStepProps {
  bindingId: number
  /** The button that opens the step, e.g. "解除绑定". */
  label: string
  /** What changes, in words, asked before anything happens. */
  question: string
  onRevoked: (id: number) => void
}

/** Unbinding in two taps on the page itself (no pop-up): first the question in words, then 确定解除 or 不解除了. */
export function RevokeStep({ bindingId, label, question, onRevoked }: RevokeStepProps) {
  const [open, setOpen] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const revoke = async () => {
    setError(null)
    try {
      await revokeBinding(bindingId)
      onRevoked(bindingId)
    } catch (err) {
      setError(toApiError(err))
    }
  }
  if (!open) {
    return (
      <BigButton variant='secondary' testId='revoke' onPress={() => setOpen(true)}>
        {label}
      </BigButton>
    )
  }
  return (
    <View className='stack' data-testid='revoke-step'>
      <View className='t-big'>{question}</View>
      {error ? <ErrorState error={error} /> : null}
      <BigButton variant='danger' testId='revoke-confirm' loadingText='正在解除，请稍候……' onPress={revoke}>
        确定解除
      </BigButton>
      <BigButton variant='secondary' testId='revoke-back' onPress={() => setOpen(false)}>
        不解除了
      </BigButton>
    </View>
  )
}

export default RevokeStep
