import { Text, View } from '@tarojs/components'
import { ORDER_STATUS_LABELS, type Binding, type OrderStatus } from '@carecircle/shared'
import { Card, InfoRow } from '../../components/card'
import { BigButton } from '../../components/big-button'
import { formatDateTime } from '../../lib/time'
import { RevokeStep } from './revoke-step'

export interface ParentCardProps {
  binding: Binding
  onBook: (binding: Binding) => void
  onVisits: (binding: Binding) => void
  onOpenOrder: (orderId: number) => void
  onRevoked: (id: number) => void
}

/** The next visit in words: "11月24日 周二 09:00 居家保洁（驿站已接单）". */
export function nextVisitText(next: Binding['nextVisit']): string {
  return nextVisitParts(next).join(' ').replace(' （', '（')
}

/** The same in phrases a line may break between (never inside the time or the status). */
function nextVisitParts(next: Binding['nextVisit']): string[] {
  if (!next) return ['近期没有预约']
  const status = ORDER_STATUS_LABELS[next.status as OrderStatus] ?? next.status
  return [formatDateTime(next.slotStart), next.serviceName, `（${status}）`]
}

/** One parent on a relative's 我的家人: the next visit, or that the profile waits for the station; book, records, unbind. */
export function ParentCard({ binding, onBook, onVisits, onOpenOrder, onRevoked }: ParentCardProps) {
  const { elder, nextVisit } = binding
  const pending = elder.status === 'pending'
  return (
    <Card title={elder.name} testId='parent-item'>
      <View className='stack' data-elder-id={elder.id}>
        <InfoRow label='关系'>您是{elder.name}的{binding.relation}</InfoRow>
        {pending ? (
          <View className='notice warn' data-testid='parent-pending'>
            <Text className='t-strong'>待驿站确认</Text>：驿站工作人员会上门见一见老人、核对资料，确认后才能预约。
          </View>
        ) : (
          <InfoRow label='下次上门'>
            <View data-testid='next-visit'>
              {/* The spaces between phrases sit outside the no-wrap runs: that is where a line may break. */}
              {nextVisitParts(nextVisit).map((p, i) => (
                <Text key={p}>
                  {i > 0 && !p.startsWith('（') ? ' ' : ''}
                  <Text className='nowrap'>{p}</Text>
                </Text>
              ))}
            </View>
          </InfoRow>
        )}
        {nextVisit ? (
          <BigButton variant='secondary' testId='open-next-visit' onPress={() => onOpenOrder(nextVisit.orderId)}>
            看这次预约
          </BigButton>
        ) : null}
        {pending ? null : (
          <BigButton testId='book-for-parent' onPress={() => onBook(binding)}>
            预约上门服务
          </BigButton>
        )}
        <BigButton variant='secondary' testId='parent-visits' onPress={() => onVisits(binding)}>
          上门服务记录
        </BigButton>
        <RevokeStep
          bindingId={binding.id}
          label='解除绑定'
          question={`解除后，您就不能再为${elder.name}预约，也看不到${elder.name}的订单和服务记录。以后要重新绑定，需要老人再给您一个邀请码。确定解除吗？`}
          onRevoked={onRevoked}
        />
      </View>
    </Card>
  )
}

export default ParentCard
