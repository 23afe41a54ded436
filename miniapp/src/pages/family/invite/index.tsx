import { useEffect, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { Invitation } from '@carecircle/shared'
import { Page } from '../../../components/page'
import { BigButton } from '../../../components/big-button'
import { Loading } from '../../../components/loading'
import { ErrorState } from '../../../components/error-state'
import { InviteCode } from '../../../components/invite-code'
import { QrCode } from '../../../components/qr-code'
import { WholePhrases } from '../../../components/whole-numbers'
import { fetchLiveInvitation } from '../../../api'
import { getToken } from '../../../auth/session'
import { useLoad } from '../../../lib/use-load'
import { expiryText, spokenDigits } from '../../../lib/family-words'
import { ROUTES, back, ensureLoggedIn, readParam } from '../../../lib/nav'
import { NewCodeStep } from './new-code-step'

/**
 * 邀请家人: the elder's live code in big digits to read out over the phone, and the same as a QR code to scan —
 * the same code on every opening until it is used or expires; a new one only on request. Staff or a supervisor
 * helping in person open it with `elderId`.
 */
export default function InvitePage() {
  const { params } = useRouter()
  const elderId = Number(readParam(params, 'elderId')) || undefined
  const loggedIn = !!getToken()
  useEffect(() => {
    ensureLoggedIn(ROUTES.familyInvite, '请先登录，登录后才能邀请家人。')
  }, [])
  const live = useLoad(() => fetchLiveInvitation(elderId), [], loggedIn)
  const [made, setMade] = useState<Invitation | null>(null)
  const inv = made ?? live.data?.invitation ?? null
  const forWhom = elderId ? (live.data?.elder.name ?? '老人') : '您'

  return (
    <Page title='邀请家人' active='mine'>
      <View className='stack'>
        {live.loading ? <Loading text='正在读取邀请码……' /> : null}
        {live.error ? <ErrorState error={live.error} onRetry={live.reload} /> : null}
        {inv ? (
          <>
            <View className='t-big'>
              <WholePhrases parts={[`把这 ${inv.code.length} 个数字`, '告诉家人：']} />
            </View>
            <InviteCode code={inv.code} />
            <View className='notice' data-testid='invite-expiry'>
              <WholePhrases parts={`${expiryText(inv.expiresAt)}。`.split('，').map((p, i, all) => (i < all.length - 1 ? `${p}，` : p))} />
            </View>
            <View>
              <WholePhrases parts={['家人在微信里', '打开“颐邻”，', '点“我的家人”，', `输入这 ${inv.code.length} 个数字，`, `就能帮${forWhom}预约。`]} />
            </View>
            <View className='section-title'>
              <WholePhrases parts={['家人在身边，', '也可以扫这个码']} />
            </View>
            <QrCode text={inv.qrPayload} label={`邀请码二维码，数字是 ${spokenDigits(inv.code)}`} />
          </>
        ) : null}
        {live.data && !inv ? (
          <View className='notice' data-testid='no-live-code'>
            <WholePhrases parts={['现在没有', '能用的邀请码：', '用过的和过期的', '都不能再用。', '要邀请家人，', '请生成一个新的。']} />
          </View>
        ) : null}
        {live.data ? <NewCodeStep key={inv?.code ?? 'none'} elderId={elderId} replacing={!!inv} onMade={setMade} /> : null}
        <BigButton variant='secondary' onPress={() => back(ROUTES.family)}>
          返回
        </BigButton>
      </View>
    </Page>
  )
}
