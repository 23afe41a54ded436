import { useEffect, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Page } from '../../components/page'
import { BigButton } from '../../components/big-button'
import { Loading } from '../../components/loading'
import { ErrorState } from '../../components/error-state'
import { confirmElder, searchElders, toApiError, type ApiError } from '../../api'
import { getToken, getUser } from '../../auth/session'
import { usePaged } from '../../lib/use-paged'
import { LoadMore } from '../../components/load-more'
import { navArea } from '../../lib/nav-area'
import { formatDateCn } from '../../lib/time'
import { ROUTES, ensureLoggedIn } from '../../lib/nav'
import { ElderResult } from '../../components/elder-result'

/**
 * 待确认的老人: profiles a relative created for a parent without WeChat. The worker confirms one only after seeing the
 * elder in person (the button says so); until then the elder cannot be booked. Newest first, 加载更多 for the rest.
 */
export default function PendingEldersPage() {
  const loggedIn = !!getToken()
  const area = navArea(getUser()?.role)
  const allowed = area === 'staff' || area === 'supervisor'
  useEffect(() => {
    ensureLoggedIn(ROUTES.staffPendingElders, '驿站工作人员请先登录。')
  }, [])
  const pending = usePaged(async (cursor) => {
    const page = await searchElders({ status: 'pending', cursor })
    return { items: page.elders, nextCursor: page.nextCursor }
  }, [], loggedIn && allowed)
  useDidShow(() => {
    if (loggedIn && allowed && !pending.loading) pending.reload()
  })
  const [confirmed, setConfirmed] = useState<number[]>([])
  const [error, setError] = useState<{ id: number; error: ApiError } | null>(null)
  const confirm = async (id: number) => {
    setError(null)
    try {
      await confirmElder(id)
      setConfirmed((c) => [...c, id])
    } catch (err) {
      setError({ id, error: toApiError(err) })
    }
  }
  const list = pending.items

  return (
    <Page title='待确认的老人' nav={area === 'supervisor' ? 'supervisor' : 'staff'} active={area === 'supervisor' ? 'more' : 'phone'} help={false}>
      <View className='stack'>
        {loggedIn && !allowed ? <View className='notice warn'>这一页是给驿站工作人员和民政监管人员用的。</View> : null}
        <View className='t-muted'>这些是家属为没有微信的老人建的档。请上门见到老人、核对姓名和住址后再点确认；确认后就能为老人预约。</View>
        {pending.loading ? <Loading /> : null}
        {!pending.loading && !pending.error && list.length === 0 ? <View className='notice' data-testid='pending-none'>现在没有要确认的老人。</View> : null}
        {list.map((e) => (
          <ElderResult key={e.id} elder={confirmed.includes(e.id) ? { ...e, status: 'active' } : e}>
            <View className='t-small'>{formatDateCn(e.createdAt)} 建档</View>
            {error?.id === e.id ? <ErrorState error={error.error} /> : null}
            {confirmed.includes(e.id) ? (
              <View className='notice ok' role='status' data-testid='elder-confirmed'>
                已确认{e.name}的资料，现在可以为老人预约了。
              </View>
            ) : (
              <BigButton testId='confirm-elder' loadingText='正在确认，请稍候……' onPress={() => confirm(e.id)}>
                已见过老人，确认
              </BigButton>
            )}
          </ElderResult>
        ))}
        {pending.error ? <ErrorState error={pending.error} onRetry={list.length ? pending.loadMore : pending.reload} /> : null}
        <LoadMore pages={pending} />
      </View>
    </Page>
  )
}
