import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { TIER_LABELS, type ElderListItem } from '@carecircle/shared'
import { Card, InfoRow } from '../card'
import { WholeNumbers } from '../whole-numbers'

/** One elder as staff find them: name, age, masked phone, address, tier; pending profiles say so in words. */
export function ElderResult({ elder, children }: { elder: ElderListItem; children?: ReactNode }) {
  return (
    <Card title={`${elder.name}（${elder.age}\u00a0岁）`} testId='elder-result'>
      <View className='stack' data-elder-id={elder.id}>
        {elder.status === 'pending' ? (
          <View className='status warn' data-testid='elder-status' data-status='pending'>
            待确认：还没有工作人员见过老人
          </View>
        ) : null}
        <InfoRow label='手机'>
          <View className='nowrap'>{elder.phone ?? '没有登记'}</View>
        </InfoRow>
        <InfoRow label='住址'><WholeNumbers text={elder.address} /></InfoRow>
        <InfoRow label='收费类别'>
          {TIER_LABELS[elder.tier]}
          {elder.tierVerified ? '' : '（未核定，按有偿）'}
        </InfoRow>
        {children}
      </View>
    </Card>
  )
}

export default ElderResult
