import { useEffect } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Page } from '../../../components/page'
import { BigButton } from '../../../components/big-button'
import { Loading } from '../../../components/loading'
import { ErrorState } from '../../../components/error-state'
import { InviteCode } from '../../../components/invite-code'
import { QrCode } from '../../../components/qr-code'
import { createInvitation } from '../../../api'
import { getToken } from '../../../auth/session'
import { useLoad } from '../../../lib/use-load'
import { expiryText } from '../../../lib/family-words'
import { ROUTES, back, ensureLoggedIn, readParam } from '../../../lib/nav'

/**
 * 邀请家人: the elder's code in big digits to read out over the phone, and the same as a QR code to scan.
 * Staff or a supervisor helping in person open it with `elderId`.
 */
export default function InvitePage() {
  const { params } = useRouter()
  const elderId = Number(readParam(params, 'elderId')) || undefined
  const loggedIn = !!getToken()
  useEffect(() => {
    ensureLoggedIn(ROUTES.familyInvite, '请先登录，登录后才能邀请家人。')
  }, [])
  const invitation = useLoad(() => createInvitation(elderId), [], loggedIn)
  const inv = invitation.data

  return (
    <Page title='邀请家人' active='mine'>
      <View className='stack'>
        {invitation.loading ? <Loading text='正在生成邀请码……' /> : null}
        {invitation.error ? <ErrorState error={invitation.error} onRetry={invitation.reload} /> : null}
        {inv ? (
          <>
            <View className='t-big'>把这 6 个数字告诉家人：</View>
            <InviteCode code={inv.code} />
            <View className='notice' data-testid='invite-expiry'>
              {expiryText(inv.expiresAt)}。
            </View>
            <View>家人在微信里打开“颐邻”，点“我的家人”，输入这 6 个数字，就能帮{elderId ? inv.elder.name : '您'}预约。</View>
            <View className='section-title'>家人在身边，也可以扫这个码</View>
            <QrCode text={inv.qrPayload} label={`邀请码二维码，数字是 ${inv.code.split('').join(' ')}`} />
            <BigButton variant='secondary' testId='new-code' loadingText='正在生成，请稍候……' onPress={invitation.reload}>
              换一个邀请码
            </BigButton>
          </>
        ) : null}
        <BigButton variant='secondary' onPress={() => back(ROUTES.family)}>
          返回
        </BigButton>
      </View>
    </Page>
  )
}
