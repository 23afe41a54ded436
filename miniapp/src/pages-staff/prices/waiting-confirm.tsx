import { View } from '@tarojs/components'
import type { WaitingVersion } from '@carecircle/shared'
import { Card } from '../../components/card'
import { BigButton } from '../../components/big-button'
import { WholeDateTime, WholeNumbers } from '../../components/whole-numbers'

export interface WaitingConfirmProps {
  /** When the new prices would start. */
  effectiveFrom: string
  /** The published versions that take effect after it (the server's 409 WAITING_VERSIONS), in time order. */
  waiting: WaitingVersion[]
  onConfirm: () => Promise<unknown>
  onBack: () => void
}

/**
 * Publishing before a version already waiting for its time: says when the new prices stop again and what each
 * waiting version will then change, and publishes only when the admin says so.
 */
export function WaitingConfirm({ effectiveFrom, waiting, onConfirm, onBack }: WaitingConfirmProps) {
  const one = waiting.length === 1
  return (
    <View className='stack' data-testid='waiting-confirm'>
      <View className='section-title'>公示前请再看一下</View>
      <View className='notice warn' role='alert' data-testid='waiting-summary'>
        本站还有{one ? '一版' : ` ${waiting.length} 版`}已经公示、还没到时间的价格。这次的新价格从 <WholeDateTime iso={effectiveFrom} /> 起执行，到{' '}
        <WholeDateTime iso={waiting[0]!.effectiveFrom} /> 就会换成{one ? '那一版' : '下面第一版'}的价格。
      </View>
      {waiting.map((w, i) => (
        <Card key={w.id} testId='waiting-version'>
          <View className='t-strong'>
            <WholeDateTime iso={w.effectiveFrom} after=' 起' />
            ，价格会这样变：
          </View>
          {w.changes.length ? (
            w.changes.map((c) => (
              <View key={`${c.serviceId}-${c.kind}`} data-testid='waiting-change'>
                · <WholeNumbers text={c.text} />
              </View>
            ))
          ) : (
            <View data-testid='waiting-change'>和{i === 0 ? '这次的新价格' : '前一版'}一样，不会变。</View>
          )}
        </Card>
      ))}
      <View className='t-muted'>已经公示的价格不能撤回。不想这样，就换一个生效时间。</View>
      <BigButton testId='waiting-confirm-publish' loadingText='正在公示，请稍候' onPress={onConfirm}>
        知道了，仍然公示
      </BigButton>
      <BigButton variant='secondary' testId='waiting-back' onPress={onBack}>
        换一个生效时间
      </BigButton>
    </View>
  )
}

export default WaitingConfirm
