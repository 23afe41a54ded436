import { useEffect, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { FAMILY_RELATIONS, type Binding, type FamilyRelation } from '@carecircle/shared'
import { Page } from '../../../components/page'
import { BigButton } from '../../../components/big-button'
import { Choice, ChoiceGrid } from '../../../components/choice'
import { ErrorState } from '../../../components/error-state'
import { bindWithCode, toApiError, type ApiError } from '../../../api'
import { saveLastElderId } from '../../../lib/booking-elder'
import { cleanCode } from '../../../lib/family-words'
import { ROUTES, ensureLoggedIn, go, goTop, readParam, withQuery } from '../../../lib/nav'
import { bindHint, bindProblem } from './bind-form'
import './index.css'

/**
 * Bind to a parent with their 6-digit code (8 digits when made while guessing was rife): typed into one big field, or already filled in when the page was opened
 * from the QR (its payload is this page with `?code=`). Then the relation, then one tap.
 */
export default function BindPage() {
  const { params } = useRouter()
  const fromLink = cleanCode(readParam(params, 'code'))
  const badScan = readParam(params, 'scanned') === 'bad'
  useEffect(() => {
    ensureLoggedIn(withQuery(ROUTES.familyBind, { code: fromLink || undefined }), '请先登录，登录后就能和老人绑定。')
  }, [])
  const [code, setCode] = useState(fromLink)
  const [relation, setRelation] = useState<FamilyRelation | null>(null)
  const [tried, setTried] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const [bound, setBound] = useState<Binding | null>(null)
  const problem = bindProblem(code, relation)

  const submit = async () => {
    setTried(true)
    setError(null)
    if (problem) return
    try {
      const b = await bindWithCode({ code: cleanCode(code), relation: relation as FamilyRelation })
      saveLastElderId(b.elder.id)
      setBound(b)
    } catch (err) {
      setError(toApiError(err))
    }
  }

  if (bound) {
    return (
      <Page title='绑定成功' active='mine'>
        <View className='stack'>
          <View className='notice ok' role='status' data-testid='bind-success'>
            <View className='t-big'>已和{bound.elder.name}绑定</View>
            <View>现在可以为{bound.elder.name}预约上门服务，查看订单和服务记录。{bound.elder.name}随时可以解除。</View>
          </View>
          <BigButton testId='book-for-bound' onPress={() => go(ROUTES.services)}>
            为{bound.elder.name}预约服务
          </BigButton>
          <BigButton variant='secondary' testId='go-family' onPress={() => goTop(ROUTES.family)}>
            回到我的家人
          </BigButton>
        </View>
      </Page>
    )
  }

  return (
    <Page title='输入邀请码' active='mine'>
      <View className='stack'>
        {badScan ? <View className='notice warn'>没有认出这个二维码。请让老人打开“邀请家人”再扫一次，或直接输入下面的邀请码数字。</View> : null}
        <View className='t-muted'>请老人在“我的 → 邀请家人”里看邀请码，告诉您邀请码的数字（<Text className='num'>6 位</Text>，有时是 <Text className='num'>8 位</Text>）。</View>
        <View className='field-label'>邀请码（<Text className='num'>6 位</Text>或 <Text className='num'>8 位</Text>数字）</View>
        <Input
          className='field code-field'
          type='number'
          maxlength={8}
          value={code}
          placeholder='例如 123456'
          onInput={(e) => setCode(cleanCode(e.detail.value))}
          nativeProps={{ 'aria-label': '邀请码，6 位或 8 位数字', inputMode: 'numeric', autoComplete: 'one-time-code' }}
          data-testid='bind-code'
        />
        <View className='field-label'>您是老人的</View>
        <ChoiceGrid wide>
          {FAMILY_RELATIONS.map((r) => (
            <Choice key={r} label={r} selected={relation === r} testId='relation' value={r} onPress={() => setRelation(r)} />
          ))}
        </ChoiceGrid>
        {tried && problem ? (
          <View className='notice warn' role='alert' data-testid='bind-missing'>
            {problem}
          </View>
        ) : null}
        {error ? <ErrorState error={error} hint={bindHint(error.code)} /> : null}
        <BigButton testId='bind-submit' loadingText='正在绑定，请稍候……' onPress={submit}>
          绑定
        </BigButton>
      </View>
    </Page>
  )
}
