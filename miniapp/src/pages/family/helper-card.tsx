import { View } from '@tarojs/components'
import type { Binding } from '@carecircle/shared'
import { Card, InfoRow } from '../../components/card'
import { formatDateCn } from '../../lib/time'
import { RevokeStep } from './revoke-step'

/** One relative on the elder's 谁可以帮我预约: who, how related, the phone (masked), since when; take it back. */
export function HelperCard({ binding, onRevoked }: { binding: Binding; onRevoked: (id: number) => void }) {
  const { family } = binding
  return (
    <Card title={family.name} testId='helper-item'>
      <View className='stack'>
        <InfoRow label='关系'>{binding.relation}</InfoRow>
        {family.phone ? (
          <InfoRow label='手机'>
            <View className='nowrap' data-testid='helper-phone'>
              {family.phone}
            </View>
          </InfoRow>
        ) : null}
        <InfoRow label='从哪天起'>{formatDateCn(binding.consentedAt)}</InfoRow>
        <RevokeStep
          bindingId={binding.id}
          label='不让这位家人帮忙'
          question={`以后${family.name}就不能再帮您预约，也看不到您的订单。确定吗？`}
          onRevoked={onRevoked}
        />
      </View>
    </Card>
  )
}

export default HelperCard
