import { useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { CarePlan } from '@carecircle/shared'
import { Page } from '../../components/page'
import { Card, InfoRow } from '../../components/card'
import { BigButton } from '../../components/big-button'
import { Loading } from '../../components/loading'
import { ErrorState } from '../../components/error-state'
import { fetchCarePlans } from '../../api'
import { usePaged } from '../../lib/use-paged'
import { LoadMore } from '../../components/load-more'
import { ROUTES, go } from '../../lib/nav'
import { formatDateCn } from '../../lib/time'
import { useSupervisor } from '../supervisor-only'
import { EndPlanStep } from './end-plan-step'

/** 巡访计划: the elders who get regular visits or calls, how often, and why; add one, end one. Paged: 加载更多. */
export default function CarePlansPage() {
  const { allowed, notice } = useSupervisor(ROUTES.supervisorCarePlans)
  const [total, setTotal] = useState<number | null>(null)
  const plans = usePaged(async (cursor) => {
    const page = await fetchCarePlans(cursor)
    setTotal(page.total)
    return { items: page.plans, nextCursor: page.nextCursor }
  }, [], allowed)
  const [ended, setEnded] = useState<Record<number, CarePlan>>({})
  useDidShow(() => {
    if (allowed && !plans.loading) plans.reload()
  })
  const list = plans.items

  return (
    <Page title='巡访计划' nav='supervisor' active='more' help={false}>
      <View className='stack'>
        {notice}
        <BigButton testId='new-plan' onPress={() => go(ROUTES.supervisorCarePlanNew)}>
          安排一位老人的巡访
        </BigButton>
        <BigButton variant='secondary' testId='open-round-coverage' onPress={() => go(ROUTES.supervisorRoundCoverage)}>
          本月巡访情况
        </BigButton>
        {plans.loading ? <Loading /> : null}
        {total !== null && !plans.loading ? <View className='t-big' data-testid='plans-count'>正在巡访 {total} 位老人</View> : null}
        {list.map((p) => {
          const done = ended[p.id]
          return (
            <Card key={p.id} title={`${p.elder.name}（${p.reasonLabel}）`} testId='care-plan'>
              <View className='stack' data-plan-id={p.id}>
                <InfoRow label='多久一次'>{p.frequencyText}</InfoRow>
                <InfoRow label='从哪天开始'>{formatDateCn(p.firstDueAt)}</InfoRow>
                {p.note ? <InfoRow label='说明'>{p.note}</InfoRow> : null}
                {done ? (
                  <View className='status warn' data-testid='plan-ended'>已结束巡访</View>
                ) : (
                  <EndPlanStep plan={p} onEnded={(e) => setEnded((m) => ({ ...m, [e.id]: e }))} />
                )}
              </View>
            </Card>
          )
        })}
        {plans.error ? <ErrorState error={plans.error} onRetry={list.length ? plans.loadMore : plans.reload} /> : null}
        <LoadMore pages={plans} />
      </View>
    </Page>
  )
}
