import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { FAMILY_RELATIONS, type ElderSummary } from '@carecircle/shared'
import { Page } from '../../../components/page'
import { BigButton } from '../../../components/big-button'
import { Choice, ChoiceGrid } from '../../../components/choice'
import { ErrorState } from '../../../components/error-state'
import { createElderProfile, toApiError, type ApiError } from '../../../api'
import { ROUTES, ensureLoggedIn, goTop } from '../../../lib/nav'
import { EMPTY_PROFILE, buildProfile, type ProfileForm } from './profile-form'
import { Field } from './field'

/** The map picker needs WeChat; in the browser the point is typed (the station can tell the numbers). */
const CAN_MAP = process.env.TARO_ENV === 'weapp'

/**
 * 为没有微信的老人建档: a relative fills in the parent's details; the profile waits until station staff have seen the
 * elder in person, and says so afterwards.
 */
export default function NewElderPage() {
  useEffect(() => {
    ensureLoggedIn(ROUTES.familyNewElder, '请先登录，登录后才能为老人建档。')
  }, [])
  const [form, setForm] = useState<ProfileForm>(EMPTY_PROFILE)
  const [problem, setProblem] = useState<string | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [created, setCreated] = useState<ElderSummary | null>(null)
  const set = (key: keyof ProfileForm) => (value: string) => setForm((f) => ({ ...f, [key]: value }))

  const chooseOnMap = async () => {
    try {
      const at = await Taro.chooseLocation({})
      setForm((f) => ({ ...f, lat: String(at.latitude), lng: String(at.longitude), address: f.address || `${at.address ?? ''}${at.name ?? ''}` }))
    } catch {
      // Closed the map or refused: the typed fields are still there.
    }
  }

  const submit = async () => {
    setError(null)
    const built = buildProfile(form)
    if ('problem' in built) {
      setProblem(built.problem)
      return
    }
    setProblem(null)
    try {
      setCreated(await createElderProfile(built.body))
    } catch (err) {
      setError(toApiError(err))
    }
  }

  if (created) {
    return (
      <Page title='已建档' active='mine'>
        <View className='stack'>
          <View className='notice ok' role='status' data-testid='profile-created'>
            <View className='t-big'>{created.name}的资料已提交</View>
            <View>
              现在是“待驿站确认”：附近驿站的工作人员会上门见一见老人、核对资料，确认后您就能为{created.name}预约。着急的话，可以打给驿站或拨打 12349。
            </View>
          </View>
          <BigButton testId='go-family' onPress={() => goTop(ROUTES.family)}>
            回到我的家人
          </BigButton>
        </View>
      </Page>
    )
  }

  return (
    <Page title='为没有微信的老人建档' active='mine'>
      <View className='stack'>
        <View className='t-muted'>填好后，驿站工作人员会上门确认，确认后才能预约。带“选填”的可以不填。</View>
        <Field label='老人姓名' value={form.name} onChange={set('name')} testId='elder-name' maxLength={32} />
        <Field label='出生日期' value={form.birthDate} onChange={set('birthDate')} testId='elder-birth' placeholder='例如 1950-03-05' maxLength={12} />
        <Field label='老人手机号（选填）' value={form.phone} onChange={set('phone')} testId='elder-phone' type='number' maxLength={11} />
        <Field label='住址（小区、楼栋、门牌）' value={form.address} onChange={set('address')} testId='elder-address' />
        <View className='field-label'>家的位置（驿站按这个位置判断能不能上门）</View>
        {CAN_MAP ? (
          <BigButton variant='secondary' testId='choose-on-map' onPress={chooseOnMap}>
            {form.lat ? '已在地图上选好，点这里重新选' : '在地图上选老人家的位置'}
          </BigButton>
        ) : null}
        <View className='row'>
          <View className='row-item'>
            <Field label='纬度' value={form.lat} onChange={set('lat')} testId='home-lat' type='digit' placeholder='28.88' maxLength={12} />
          </View>
          <View className='row-item'>
            <Field label='经度' value={form.lng} onChange={set('lng')} testId='home-lng' type='digit' placeholder='105.44' maxLength={12} />
          </View>
        </View>
        <Field label='紧急联系人姓名' value={form.emergencyName} onChange={set('emergencyName')} testId='emergency-name' maxLength={32} />
        <Field label='紧急联系人手机号' value={form.emergencyPhone} onChange={set('emergencyPhone')} testId='emergency-phone' type='number' maxLength={11} />
        <View className='field-label'>您是老人的</View>
        <ChoiceGrid wide>
          {FAMILY_RELATIONS.map((r) => (
            <Choice key={r} label={r} selected={form.relation === r} testId='relation' value={r} onPress={() => setForm((f) => ({ ...f, relation: r }))} />
          ))}
        </ChoiceGrid>
        {problem ? (
          <View className='notice warn' role='alert' data-testid='profile-missing'>
            {problem}
          </View>
        ) : null}
        {error ? <ErrorState error={error} /> : null}
        <BigButton testId='profile-submit' loadingText='正在提交，请稍候……' onPress={submit}>
          提交，等驿站确认
        </BigButton>
      </View>
    </Page>
  )
}
