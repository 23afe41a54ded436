import { useState } from 'react'
import { Input, View } from '@tarojs/components'
import { CARE_REASONS, CARE_REASON_LABELS, ROUND_MODES, ROUND_MODE_LABELS, type CarePlan, type ElderListItem, type ElderSearchResponse } from '@carecircle/shared'
import { Page } from '../../../components/page'
import { BigButton } from '../../../components/big-button'
import { Choice, ChoiceGrid } from '../../../components/choice'
import { TextBox } from '../../../components/text-box'
import { ErrorState } from '../../../components/error-state'
import { createCarePlan, searchElders, toApiError, type ApiError } from '../../../api'
import { ROUTES, back } from '../../../lib/nav'
import { formatDateCn } from '../../../lib/time'
import { useSupervisor } from '../../supervisor-only'
import { ElderResult } from '../../../components/elder-result'
import { searchTerm } from '../../../lib/elder-search'
import { EVERY_DAYS, everyText, planBody, type PlanDraft } from './plan-form'

/** 安排巡访: find the elder (name or phone's last 4 digits), say why, how and how often. */
export default function NewCarePlanPage() {
  const { notice } = useSupervisor(ROUTES.supervisorCarePlanNew)
  const [text, setText] = useState('')
  const [found, setFound] = useState<ElderSearchResponse | null>(null)
  const [elder, setElder] = useState<ElderListItem | null>(null)
  const [draft, setDraft] = useState<PlanDraft>({ reason: null, mode: 'visit', everyDays: 7, note: '' })
  const [problem, setProblem] = useState<string | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [saved, setSaved] = useState<CarePlan | null>(null)
  const set = (patch: Partial<PlanDraft>) => setDraft((d) => ({ ...d, ...patch }))

  const search = async () => {
    const term = searchTerm(text)
    setError(null)
    if ('problem' in term) return setProblem(term.problem)
    setProblem(null)
    try {
      setFound(await searchElders({ q: term.q }))
    } catch (err) {
      setError(toApiError(err))
    }
  }
  const submit = async () => {
    const r = planBody(elder?.id ?? null, draft)
    setError(null)
    if ('problem' in r) return setProblem(r.problem)
    setProblem(null)
    try {
      setSaved(await createCarePlan(r.body))
    } catch (err) {
      setError(toApiError(err))
    }
  }

  if (saved) {
    return (
      <Page title='安排巡访' nav='supervisor' active='more' help={false}>
        <View className='stack'>
          <View className='notice ok' data-testid='plan-saved' role='status'>
            已安排：{saved.elder.name}，{saved.frequencyText}，{formatDateCn(saved.firstDueAt)}开始。覆盖老人家的驿站会收到巡访任务；不在任何服务圈内的，任务会出现在您的巡访任务里。
          </View>
          <BigButton onPress={() => back(ROUTES.supervisorCarePlans)}>回到巡访计划</BigButton>
        </View>
      </Page>
    )
  }
  return (
    <Page title='安排巡访' nav='supervisor' active='more' help={false}>
      <View className='stack'>
        {notice}
        <View className='section-title'>1. 哪位老人</View>
        {elder ? (
          <ElderResult elder={elder}>
            <BigButton variant='secondary' testId='change-elder' onPress={() => setElder(null)}>换一位老人</BigButton>
          </ElderResult>
        ) : (
          <>
            <View className='field-label'>老人姓名，或手机号后四位</View>
            <Input className='field' value={text} maxlength={32} confirmType='search' onInput={(e) => setText(e.detail.value)} onConfirm={search} nativeProps={{ 'aria-label': '老人姓名，或手机号后 4 位' }} data-testid='elder-search' />
            <BigButton testId='elder-search-submit' loadingText='正在查找……' onPress={search}>查找老人</BigButton>
            {found && found.elders.length === 0 ? <View className='notice' data-testid='elder-none'>没有找到。请核对姓名或手机号后 4 位。</View> : null}
            {found?.elders.map((e) => (
              <ElderResult key={e.id} elder={e}>
                <BigButton testId='pick-elder' onPress={() => setElder(e)}>选{e.name}</BigButton>
              </ElderResult>
            ))}
          </>
        )}
        <View className='section-title'>2. 为什么要巡访</View>
        <ChoiceGrid>
          {CARE_REASONS.map((r) => <Choice key={r} label={CARE_REASON_LABELS[r]} selected={draft.reason === r} testId='plan-reason' value={r} onPress={() => set({ reason: r })} />)}
        </ChoiceGrid>
        <View className='section-title'>3. 怎么巡访，多久一次</View>
        <ChoiceGrid wide>
          {ROUND_MODES.map((m) => <Choice key={m} label={ROUND_MODE_LABELS[m]} selected={draft.mode === m} testId='plan-mode' value={m} onPress={() => set({ mode: m })} />)}
        </ChoiceGrid>
        <View className='field-label'>多久一次</View>
        <ChoiceGrid>
          {EVERY_DAYS.map((d) => <Choice key={d} label={d === 1 ? '每天' : `${d} 天`} selected={draft.everyDays === d} testId='plan-every' value={String(d)} onPress={() => set({ everyDays: d })} />)}
        </ChoiceGrid>
        <View className='notice' data-testid='plan-summary'>{everyText(draft.mode, draft.everyDays)}</View>
        <View className='field-label'>说明（可不填）</View>
        <TextBox value={draft.note} onChange={(note) => set({ note })} label='巡访说明' maxLength={200} placeholder='例如：住六楼，腿脚不便，留意用电' testId='plan-note' />
        {problem ? <View className='notice warn' role='alert'>{problem}</View> : null}
        {error ? <ErrorState error={error} /> : null}
        <BigButton testId='plan-submit' loadingText='正在保存……' onPress={submit}>安排巡访</BigButton>
      </View>
    </Page>
  )
}
