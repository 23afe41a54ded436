import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View, Input } from '@tarojs/components'
import type { InspectionDraw } from '@carecircle/shared'
import { Page } from '../../components/page'
import { BigButton } from '../../components/big-button'
import { Card } from '../../components/card'
import { Choice, ChoiceGrid } from '../../components/choice'
import { Loading } from '../../components/loading'
import { ErrorState } from '../../components/error-state'
import { drawInspections, fetchInspectionDraw, toApiError, type ApiError } from '../../api'
import { useLoad } from '../../lib/use-load'
import { ROUTES, readParam } from '../../lib/nav'
import { formatDateTime } from '../../lib/time'
import { useSupervisor } from '../supervisor-only'
import { InspectionCard } from './inspection-card'

const COUNTS = [1, 2, 3, 5, 10]
const SEED = /^[A-Za-z0-9_-]{8,64}$/

/** 双随机抽查: draw N stations at random (optionally from a seed, to replay), then record each result. */
export default function SupervisorInspectionsPage() {
  const { allowed, notice } = useSupervisor(ROUTES.supervisorInspections)
  const id = readParam(useRouter().params, 'id')
  const opened = useLoad(() => fetchInspectionDraw(id), [id], allowed && /^[1-9]\d*$/.test(id))
  const [drawn, setDrawn] = useState<InspectionDraw | null>(null)
  const [dismissed, setDismissed] = useState(false)
  const draw = drawn ?? (dismissed ? null : opened.data)
  const [count, setCount] = useState(2)
  const [seed, setSeed] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  const seedBad = seed.trim() !== '' && !SEED.test(seed.trim())

  const submit = async () => {
    setError(null)
    try {
      setDrawn(await drawInspections({ count, ...(seed.trim() ? { seed: seed.trim() } : {}) }))
    } catch (err) {
      setError(toApiError(err))
    }
  }

  const drawAgain = () => {
    setDrawn(null)
    setDismissed(true)
  }

  return (
    <Page title='双随机抽查' nav='supervisor' active='more' help={false}>
      <View className='stack'>
        {notice}
        {!draw ? (
          <Card className='stack' testId='draw-form'>
            <View>从正常接单的驿站里随机抽取，抽到哪家就去哪家检查。每次抽取都有记录，可以用同一个随机种子复核。</View>
            <View className='field-label'>抽几家驿站？</View>
            <ChoiceGrid>
              {COUNTS.map((n) => (
                <Choice key={n} label={`${n} 家`} selected={count === n} testId='draw-count' value={String(n)} onPress={() => setCount(n)} />
              ))}
            </ChoiceGrid>
            <View className='field-label'>随机种子（可不填，由系统生成；复核时填原来的）：</View>
            <Input
              className='field'
              value={seed}
              maxlength={64}
              placeholder='8 到 64 位字母或数字'
              onInput={(e) => setSeed(e.detail.value)}
              nativeProps={{ 'aria-label': '随机种子，可不填' }}
              data-testid='draw-seed'
            />
            {seedBad ? <View className='notice warn'>随机种子应为 8 到 64 位字母、数字、- 或 _。</View> : null}
            {error ? <ErrorState error={error} hint='请检查后再试。' /> : null}
            <BigButton testId='draw-stations' disabled={seedBad} onPress={submit} loadingText='正在抽取，请稍候'>
              抽取 {count} 家驿站
            </BigButton>
          </Card>
        ) : null}
        {opened.loading && !draw ? <Loading /> : null}
        {opened.error && !draw ? <ErrorState error={opened.error} onRetry={opened.reload} /> : null}
        {draw ? (
          <>
            <View className='notice ok' data-testid='draw-result'>
              <View className='t-strong'>
                从 {draw.candidateCount} 家驿站中抽到 {draw.inspections.length} 家
              </View>
              <View>抽查编号：{draw.id}（已保存）</View>
              <View>抽取时间：{formatDateTime(draw.drawnAt)}</View>
              <View>随机种子：{draw.seed}（复核时用）</View>
            </View>
            {draw.inspections.map((i) => (
              <InspectionCard key={i.id} inspection={i} onRecorded={setDrawn} />
            ))}
            <BigButton variant='secondary' testId='draw-again' onPress={drawAgain}>
              再抽一批（这一批已保存）
            </BigButton>
          </>
        ) : null}
      </View>
    </Page>
  )
}
