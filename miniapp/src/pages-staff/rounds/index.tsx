import { useEffect, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { CareRound } from '@carecircle/shared'
import { Page } from '../../components/page'
import { Loading } from '../../components/loading'
import { ErrorState } from '../../components/error-state'
import { BigButton } from '../../components/big-button'
import { fetchCareRounds } from '../../api'
import { getToken, getUser } from '../../auth/session'
import { usePaged } from '../../lib/use-paged'
import { navArea } from '../../lib/nav-area'
import { ROUTES, ensureLoggedIn } from '../../lib/nav'
import { RoundTask } from './round-task'

/**
 * 巡访任务: the station's open rounds, oldest due first (a supervisor sees those of elders no circle covers).
 * A recorded round stays on the screen with its result until the page is opened again.
 */
export default function StaffRoundsPage() {
  const area = navArea(getUser()?.role)
  const allowed = !!getToken() && area !== 'resident'
  useEffect(() => {
    ensureLoggedIn(ROUTES.staffRounds, '驿站工作人员请先登录。')
  }, [])
  const rounds = usePaged(async (cursor) => {
    const page = await fetchCareRounds({ status: 'open', cursor })
    return { items: page.rounds, nextCursor: page.nextCursor }
  }, [], allowed)
  const [done, setDone] = useState<Record<number, CareRound>>({})
  useDidShow(() => {
    if (allowed && !rounds.loading) rounds.reload()
  })
  const list = rounds.items.map((r) => done[r.id] ?? r)

  return (
    <Page title='巡访任务' nav={area === 'supervisor' ? 'supervisor' : 'staff'} active={area === 'supervisor' ? 'more' : 'staff'} help={false}>
      <View className='stack'>
        {getToken() && !allowed ? <View className='notice warn'>这一页是给驿站工作人员用的。</View> : null}
        <View className='t-muted'>
          {area === 'supervisor' ? '这些老人不在任何驿站的服务圈内，需要社区安排人上门或打电话。' : '独居、空巢等老人要定期上门看看或打个电话。看过后按一下结果。'}
        </View>
        {rounds.loading ? <Loading /> : null}
        {rounds.error ? <ErrorState error={rounds.error} onRetry={rounds.reload} /> : null}
        {!rounds.loading && !rounds.error && list.length === 0 ? <View className='notice ok' data-testid='rounds-none'>现在没有要办的巡访。</View> : null}
        {list.map((r) => (
          <RoundTask key={r.id} round={r} onDone={(next) => setDone((m) => ({ ...m, [next.id]: next }))} />
        ))}
        {rounds.hasMore ? (
          <BigButton variant='secondary' onPress={rounds.loadMore} loadingText='正在加载……'>
            加载更多
          </BigButton>
        ) : null}
      </View>
    </Page>
  )
}
