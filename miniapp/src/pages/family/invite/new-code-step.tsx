import { useState } from 'react'
import { View } from '@tarojs/components'
import type { Invitation } from '@carecircle/shared'
import { BigButton } from '../../../components/big-button'
import { ErrorState } from '../../../components/error-state'
import { WholePhrases } from '../../../components/whole-numbers'
import { createInvitation, toApiError, type ApiError } from '../../../api'

export interface NewCodeStepProps {
  elderId?: number
  /** A live code is on screen: making a new one retires it, so that is asked first. */
  replacing: boolean
  onMade: (invitation: Invitation) => void
}

/**
 * A new code only when asked for. Replacing the live one takes two taps on the page (no pop-up): first what
 * changes, in words, then 确定换新的 or 不换了. A refusal (e.g. today's limit) is said in the server's words.
 */
export function NewCodeStep({ elderId, replacing, onMade }: NewCodeStepProps) {
  const [asking, setAsking] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const make = async () => {
    setError(null)
    try {
      onMade(await createInvitation(elderId))
      setAsking(false)
    } catch (err) {
      setError(toApiError(err))
    }
  }
  if (!replacing) {
    return (
      <>
        {error ? <ErrorState error={error} /> : null}
        <BigButton testId='new-code' loadingText='正在生成，请稍候……' onPress={make}>
          生成邀请码
        </BigButton>
      </>
    )
  }
  if (!asking) {
    return (
      <BigButton variant='secondary' testId='new-code' onPress={() => setAsking(true)}>
        换一个新邀请码
      </BigButton>
    )
  }
  return (
    <View className='stack' data-testid='new-code-step'>
      <View className='t-big'>
        <WholePhrases parts={['换了以后，', '上面这个邀请码', '就不能用了，', '还没绑定的家人', '要用新的。', '确定要换吗？']} />
      </View>
      {error ? <ErrorState error={error} /> : null}
      <BigButton testId='new-code-confirm' loadingText='正在生成，请稍候……' onPress={make}>
        确定换新的
      </BigButton>
      <BigButton variant='secondary' testId='new-code-back' onPress={() => setAsking(false)}>
        不换了
      </BigButton>
    </View>
  )
}

export default NewCodeStep
