import { Text, View } from '@tarojs/components'
import { BigButton } from '../../components/big-button'
import { fetchCareRounds } from '../../api'
import { useLoad } from '../../lib/use-load'
import { ROUTES, go } from '../../lib/nav'
import { WholeNumbers } from '../../components/whole-numbers'

/**
 * 巡访任务 on 今日订单: the staff bottom bar already holds four items at 320 px in 长辈版, so the rounds are a
 * button here (and in 我的), saying how many wait.
 */
export function RoundsEntry({ enabled }: { enabled: boolean }) {
  const open = useLoad(() => fetchCareRounds({ status: 'open' }), [], enabled)
  if (!enabled) return null
  const n = open.data?.rounds.length ?? 0
  const more = open.data?.nextCursor ? '多' : ''
  const missed = open.data?.rounds.filter((r) => r.missed).length ?? 0
  return (
    <View className='stack' data-testid='rounds-entry'>
      <BigButton variant={missed > 0 ? 'danger' : 'secondary'} testId='open-rounds' onPress={() => go(ROUTES.staffRounds)}>
        {/* One run of text inside the flex button, so its words wrap as a line, not as separate items. */}
        <Text>{open.data ? <WholeNumbers text={`巡访任务：${n}${more} 位老人要看望${missed > 0 ? `，${missed} 位已超期` : ''}`} /> : '巡访任务'}</Text>
      </BigButton>
    </View>
  )
}
