import { View } from '@tarojs/components'
import { HOTLINE, ROLE_LABELS, TIER_LABELS, maskPhone } from '@carecircle/shared'
import { Page } from '../../components/page'
import { Card, InfoRow } from '../../components/card'
import { CareModeToggle } from '../../components/care-mode-toggle'
import { BigButton } from '../../components/big-button'
import { CallButton } from '../../components/call-button'
import { ErrorState } from '../../components/error-state'
import { fetchMe } from '../../api'
import { getMe, getToken, getUser, saveMe } from '../../auth/session'
import { logOut } from '../../auth/log-out'
import { useLoad } from '../../lib/use-load'
import { ROUTES, go, goTop, loginUrl } from '../../lib/nav'
import { navArea } from '../../lib/nav-area'
import { messagesLabel, useUnreadCount } from '../../lib/unread'
import { WholeNumbers } from '../../components/whole-numbers'

/** 我的: who is logged in, whom they act for, 长辈版, help and logout. */
export default function MinePage() {
  const loggedIn = !!getToken()
  const me = useLoad(async () => {
    const value = await fetchMe()
    saveMe(value)
    return value
  }, [], loggedIn)
  const data = me.data ?? getMe()
  const user = data?.user ?? getUser()
  const area = navArea(user?.role)
  const unread = useUnreadCount(loggedIn)

  const logout = async () => {
    await logOut()
    goTop(ROUTES.home)
  }

  return (
    <Page title='我的' active='mine' nav={area} help={area === 'resident'}>
      <View className='stack'>
        {!loggedIn ? (
          <View className='stack'>
            <View className='notice'>您还没有登录。登录后可以预约服务、查看订单。</View>
            <BigButton onPress={() => go(loginUrl(ROUTES.mine))} testId='go-login'>
              去登录
            </BigButton>
          </View>
        ) : null}
        {me.error ? <ErrorState error={me.error} onRetry={me.reload} /> : null}
        {loggedIn && user ? (
          <Card title={user.name} testId='who'>
            <InfoRow label='身份'>{ROLE_LABELS[user.role]}</InfoRow>
            <InfoRow label='手机号'>{maskPhone(user.phone) ?? '未登记'}</InfoRow>
          </Card>
        ) : null}

        <CareModeToggle />

        {data && data.elders.length > 0 ? (
          <>
            <View className='section-title'>{user?.role === 'elder' ? '我的信息' : '我照顾的老人'}</View>
            {data.elders.map((e) => (
              <Card key={e.id} title={e.name} testId='elder-item'>
                <InfoRow label='收费类别'>
                  {TIER_LABELS[e.tier]}
                  {e.tierVerified ? '（已核定）' : '（还未核定，暂按有偿收费；请联系社区核定）'}
                </InfoRow>
                <InfoRow label='家庭住址'><WholeNumbers text={e.home.address} /></InfoRow>
              </Card>
            ))}
          </>
        ) : null}

        <View className='section-title'>常用</View>
        {user?.role === 'family' ? (
          <BigButton testId='my-family' onPress={() => go(ROUTES.family)}>
            我的家人（绑定老人、看上门记录）
          </BigButton>
        ) : null}
        {user?.role === 'elder' ? (
          <BigButton testId='my-helpers' onPress={() => go(ROUTES.family)}>
            谁可以帮我预约
          </BigButton>
        ) : null}
        {user?.role === 'elder' ? (
          <BigButton variant='secondary' testId='invite-family' onPress={() => go(ROUTES.familyInvite)}>
            邀请家人
          </BigButton>
        ) : null}
        {area === 'resident' && loggedIn ? (
          <BigButton variant='secondary' testId='my-subsidy' onPress={() => go(ROUTES.subsidy)}>
            {user?.role === 'family' ? '老人的补贴和服务时长' : '我的补贴（每周服务时长）'}
          </BigButton>
        ) : null}
        {area === 'resident' ? (
          <BigButton variant='secondary' onPress={() => goTop(ROUTES.orders)}>
            我的订单
          </BigButton>
        ) : null}
        {area === 'resident' && loggedIn ? (
          <BigButton variant='secondary' testId='my-complaints' onPress={() => go(ROUTES.complaints)}>
            我的投诉
          </BigButton>
        ) : null}
        {loggedIn ? (
          <BigButton variant='secondary' testId='my-messages' onPress={() => go(ROUTES.messages)}>
            {messagesLabel(unread)}
          </BigButton>
        ) : null}
        {area === 'staff' ? <BigButton variant='secondary' onPress={() => goTop(ROUTES.staffOrders)}>驿站今日订单</BigButton> : null}
        {area === 'staff' ? <BigButton variant='secondary' onPress={() => goTop(ROUTES.staffComplaints)}>本站收到的投诉</BigButton> : null}
        {area === 'staff' ? <BigButton variant='secondary' testId='phone-order' onPress={() => goTop(ROUTES.staffPhoneOrder)}>代客下单（老人打电话来）</BigButton> : null}
        {user?.role === 'station_admin' ? <BigButton variant='secondary' testId='station-prices' onPress={() => go(ROUTES.staffPrices)}>本站价格公示（改价格、发布）</BigButton> : null}
        {area === 'staff' ? <BigButton variant='secondary' testId='pending-elders' onPress={() => go(ROUTES.staffPendingElders)}>待确认的老人</BigButton> : null}
        {area === 'staff' ? <BigButton variant='secondary' testId='staff-rounds' onPress={() => go(ROUTES.staffRounds)}>巡访任务（定期看望独居、空巢老人）</BigButton> : null}
        {area === 'supervisor' ? <BigButton variant='secondary' onPress={() => goTop(ROUTES.supervisorComplaints)}>投诉督办</BigButton> : null}
        {area === 'supervisor' ? (
          <BigButton variant='secondary' onPress={() => goTop(ROUTES.supervisorUnassigned)}>
            待派单的订单
          </BigButton>
        ) : null}
        {area === 'supervisor' ? (
          <BigButton variant='secondary' testId='supervisor-more' onPress={() => goTop(ROUTES.supervisorMore)}>
            监管工作（暂停接单、抽查、补贴认定和对账等）
          </BigButton>
        ) : null}
        <BigButton variant='secondary' onPress={() => go(ROUTES.stations)}>
          附近驿站和价格公示
        </BigButton>
        <BigButton variant='secondary' testId='honour-board-link' onPress={() => go(ROUTES.honourBoard)}>
          红黑榜（评价最好的和被暂停的驿站）
        </BigButton>

        <View className='section-title'>需要帮助</View>
        <View>不会用、遇到急事，或对收费有疑问，都可以打养老服务热线 {HOTLINE}，有人帮您。</View>
        <CallButton phone={HOTLINE} variant='danger' ariaLabel={`拨打养老服务热线 ${HOTLINE}`}>
          拨打 {HOTLINE}
        </CallButton>

        {loggedIn ? (
          <BigButton variant='secondary' onPress={logout} loadingText='正在退出，请稍候' testId='logout'>
            退出登录
          </BigButton>
        ) : null}
      </View>
    </Page>
  )
}
