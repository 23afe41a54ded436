import { useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Input } from '@tarojs/components'
import { ROLE_LABELS, ZPhone, maskPhone, type LoginResponse } from '@carecircle/shared'
import { Page } from '../../components/page'
import { Card } from '../../components/card'
import { BigButton } from '../../components/big-button'
import { ErrorState } from '../../components/error-state'
import { devLogin, fetchMe, wechatLogin, toApiError, type ApiError } from '../../api'
import { saveLogin, saveMe, isResident } from '../../auth/session'
import { DEMO_ACCOUNTS } from '../../auth/demo-accounts'
import { goTop, homeFor, readParam } from '../../lib/nav'
import { WholePhrases } from '../../components/whole-numbers'

/** Log in with WeChat (weapp) or, in the H5 demo, with a seeded account's phone. */
export default function LoginPage() {
  const { params } = useRouter()
  const from = readParam(params, 'from')
  const reason = readParam(params, 'reason')
  const [phone, setPhone] = useState('')
  const [phoneHint, setPhoneHint] = useState('')
  const [error, setError] = useState<ApiError | null>(null)

  const finish = async (login: LoginResponse) => {
    saveLogin(login)
    try {
      saveMe(await fetchMe())
    } catch {
      // The pages load /api/me again themselves; a failure here must not block the login.
    }
    // Back to where the person was going, if it is a resident page and they are a resident.
    if (from && from.startsWith('/pages/') && isResident(login.user)) Taro.redirectTo({ url: from })
    else goTop(homeFor(login.user.role))
  }

  // Demo-account cards are not BigButtons: guard them against double taps here.
  const busy = useRef(false)
  const attempt = async (run: () => Promise<LoginResponse>) => {
    if (busy.current) return
    busy.current = true
    setError(null)
    try {
      await finish(await run())
    } catch (err) {
      setError(toApiError(err))
    } finally {
      busy.current = false
    }
  }

  const loginWithPhone = () => {
    const parsed = ZPhone.safeParse(phone)
    if (!parsed.success) {
      setPhoneHint('手机号应为 11 位数字，请检查后再点登录。')
      return
    }
    setPhoneHint('')
    return attempt(() => devLogin(parsed.data))
  }

  const loginWithWechat = () =>
    attempt(async () => {
      const { code } = await Taro.login()
      return wechatLogin(code)
    })

  return (
    <Page title='登录' nav='none'>
      <View className='stack'>
        <View className='notice'>{reason || '登录后可以预约上门服务、查看订单。'}</View>
        {error ? <ErrorState error={error} /> : null}

        {process.env.TARO_ENV === 'weapp' ? (
          <BigButton onPress={loginWithWechat} testId='wechat-login' loadingText='正在登录，请稍候……'>
            微信一键登录
          </BigButton>
        ) : (
          <>
            <View className='section-title'>演示账号（点一下就登录）</View>
            {DEMO_ACCOUNTS.map((a) => (
              <Card key={a.phone} testId='demo-account' onPress={() => attempt(() => devLogin(a.phone))}>
                <View className='t-big'>
                  <WholePhrases parts={[a.name, `（${ROLE_LABELS[a.role]}）`]} />
                </View>
                <View className='t-small'>
                  {a.note} · {maskPhone(a.phone)}
                </View>
              </Card>
            ))}
            <View className='section-title'>或者输入手机号</View>
            <View className='field-label'>手机号（11 位数字）</View>
            <Input className='field' type='number' maxlength={11} value={phone} onInput={(e) => setPhone(e.detail.value)} nativeProps={{ 'aria-label': '手机号（11 位数字）' }} />
            {phoneHint ? <View className='notice warn'>{phoneHint}</View> : null}
            <BigButton onPress={loginWithPhone} testId='phone-login' loadingText='正在登录，请稍候……'>
              登录
            </BigButton>
          </>
        )}
        <BigButton variant='secondary' onPress={() => goTop('/pages/home/index')}>
          先不登录，回首页
        </BigButton>
      </View>
    </Page>
  )
}
