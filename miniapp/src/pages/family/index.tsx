import { useEffect, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { Binding } from '@carecircle/shared'
import { Page } from '../../components/page'
import { BigButton } from '../../components/big-button'
import { Loading } from '../../components/loading'
import { ErrorState } from '../../components/error-state'
import { fetchBindings } from '../../api'
import { getToken, getUser } from '../../auth/session'
import { useLoad } from '../../lib/use-load'
import { saveLastElderId } from '../../lib/booking-elder'
import { codeFromScan } from '../../lib/family-words'
import { ROUTES, ensureLoggedIn, go, withQuery } from '../../lib/nav'
import { ParentCard } from './parent-card'
import { HelperCard } from './helper-card'

/** Scanning needs the phone's camera: weapp only (H5 types the code). */
const CAN_SCAN = process.env.TARO_ENV === 'weapp'

async function scanAndBind(): Promise<void> {
  try {
    const res = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] })
    const code = codeFromScan(res.result ?? (res as { path?: string }).path ?? '')
    go(withQuery(ROUTES.familyBind, { code: code ?? undefined, scanned: code ? undefined : 'bad' }))
  } catch {
    // Closing the scanner is not an error: stay on the page.
  }
}

/**
 * 我的家人 for a relative (the parents they book for, each one's next visit) and, for the elder, 谁可以帮我预约
 * (who may book for them, and 邀请家人). One page, two sets of words: the elder's stay short and plain.
 */
export default function FamilyPage() {
  const loggedIn = !!getToken()
  const role = getUser()?.role
  const isElder = role === 'elder'
  useEffect(() => {
    ensureLoggedIn(ROUTES.family, '请先登录，登录后才能看到家人。')
  }, [])
  const loaded = useLoad(fetchBindings, [], loggedIn && (role === 'elder' || role === 'family'))
  const [gone, setGone] = useState<number[]>([])
  useDidShow(() => {
    if (loggedIn && !loaded.loading) loaded.reload()
  })
  const bindings = (loaded.data?.bindings ?? []).filter((b) => !gone.includes(b.id))
  const onRevoked = (id: number) => setGone((g) => [...g, id])

  const book = (b: Binding) => {
    // The booking starts on this parent (为谁预约 remembers the last one).
    saveLastElderId(b.elder.id)
    go(ROUTES.services)
  }

  return (
    <Page title={isElder ? '谁可以帮我预约' : '我的家人'} active='mine'>
      <View className='stack'>
        {loggedIn && role !== 'elder' && role !== 'family' ? (
          <View className='notice warn'>这一页是给老人和家属用的。</View>
        ) : null}
        {loaded.loading && !loaded.data ? <Loading /> : null}
        {loaded.error ? <ErrorState error={loaded.error} onRetry={loaded.reload} /> : null}

        {isElder ? (
          <>
            <View className='t-muted'>下面这些家人可以帮您预约、看您的订单。不想让谁帮了，点这位家人名下的按钮就行。</View>
            {loaded.data && bindings.length === 0 ? <View className='notice' data-testid='no-helpers'>还没有家人可以帮您预约。</View> : null}
            {bindings.map((b) => (
              <HelperCard key={b.id} binding={b} onRevoked={onRevoked} />
            ))}
            <BigButton testId='invite-family' onPress={() => go(ROUTES.familyInvite)}>
              邀请家人
            </BigButton>
          </>
        ) : null}

        {role === 'family' ? (
          <>
            {loaded.data && bindings.length === 0 ? (
              <View className='notice' data-testid='no-parents'>
                您还没有绑定老人。请老人在“我的”里点“邀请家人”，把 6 位邀请码告诉您，或让您扫老人手机上的二维码。
              </View>
            ) : null}
            {bindings.map((b) => (
              <ParentCard
                key={b.id}
                binding={b}
                onBook={book}
                onVisits={(x) => go(withQuery(ROUTES.visits, { elderId: x.elder.id, name: x.elder.name }))}
                onOpenOrder={(id) => go(withQuery(ROUTES.orderDetail, { id }))}
                onRevoked={onRevoked}
              />
            ))}
            <View className='section-title'>添加老人</View>
            <BigButton testId='bind-by-code' onPress={() => go(ROUTES.familyBind)}>
              输入老人的邀请码
            </BigButton>
            {CAN_SCAN ? (
              <BigButton variant='secondary' testId='bind-by-scan' onPress={scanAndBind}>
                扫老人手机上的二维码
              </BigButton>
            ) : null}
            <BigButton variant='secondary' testId='new-elder' onPress={() => go(ROUTES.familyNewElder)}>
              为没有微信的老人建档
            </BigButton>
          </>
        ) : null}
      </View>
    </Page>
  )
}
