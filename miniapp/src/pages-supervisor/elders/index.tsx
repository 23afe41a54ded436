import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import type { ElderListItem } from '@carecircle/shared'
import { Page } from '../../components/page'
import { BigButton } from '../../components/big-button'
import { Loading } from '../../components/loading'
import { ErrorState } from '../../components/error-state'
import { ElderResult } from '../../components/elder-result'
import { Balances, Movements, TierCard } from '../../components/hours-view'
import { fetchHours } from '../../api'
import { useLoad } from '../../lib/use-load'
import { ElderSearch } from '../../components/elder-search'
import { WholeNumbers } from '../../components/whole-numbers'
import { ROUTES } from '../../lib/nav'
import { useSupervisor } from '../supervisor-only'
import { TierForm } from './tier-form'
import { AdjustForm } from './adjust-form'

/** One elder's tier and minutes, and the two forms that change them. */
export function ElderPanel({ elder: found, onBack }: { elder: ElderListItem; onBack: () => void }) {
  // The search result is read once; after a save the card shows the tier the server just answered with.
  const [elder, setElder] = useState(found)
  useEffect(() => setElder(found), [found])
  const hours = useLoad(() => fetchHours(elder.id), [elder.id])
  // Each outcome is said under the button that caused it, where the supervisor is looking.
  const [tierDone, setTierDone] = useState<string | null>(null)
  const [adjustDone, setAdjustDone] = useState<string | null>(null)
  return (
    <View className='stack' data-testid='elder-panel' data-elder-id={elder.id}>
      <ElderResult elder={elder} />
      <BigButton variant='secondary' testId='change-elder' onPress={onBack}>
        换一位老人
      </BigButton>
      {hours.loading && !hours.data ? <Loading /> : null}
      {hours.error ? <ErrorState error={hours.error} onRetry={hours.reload} /> : null}
      {hours.data ? (
        <>
          <TierCard hours={hours.data} />
          <View className='section-title'>认定或更改收费类别</View>
          <TierForm
            elderId={elder.id}
            current={hours.data.tier}
            onDone={(t) => {
              setElder((e) => ({ ...e, tier: t.tier, tierVerified: t.verified }))
              setTierDone(`已保存认定：${t.explanation}`)
              hours.reload()
            }}
          />
          <Saved text={tierDone} testId='tier-saved' />
          <View className='section-title'>本周服务时长</View>
          <Balances hours={hours.data} />
          <View className='section-title'>调整本周时长</View>
          <AdjustForm
            elderId={elder.id}
            onDone={(h) => {
              const b = h.balances.map((x) => x.text).join('；')
              setAdjustDone(`已调整。${b}。老人在“我的补贴”里能看到原因。`)
              hours.reload()
            }}
          />
          <Saved text={adjustDone} testId='adjust-saved' />
          <View className='section-title'>本周记录</View>
          <Movements hours={hours.data} />
        </>
      ) : null}
    </View>
  )
}

function Saved({ text, testId }: { text: string | null; testId: string }) {
  return text ? (
    <View className='notice ok' role='status' data-testid={testId}>
      <WholeNumbers text={text} />
    </View>
  ) : null
}

/** 老人补贴认定: find an elder by name or the phone's last 4 digits, verify the tier, adjust the week's minutes. */
export default function SupervisorEldersPage() {
  const { allowed, notice } = useSupervisor(ROUTES.supervisorElders)
  const [elder, setElder] = useState<ElderListItem | null>(null)

  return (
    <Page title='老人补贴认定' nav='supervisor' active='more' help={false}>
      <View className='stack'>
        {notice}
        {allowed && elder ? <ElderPanel elder={elder} onBack={() => setElder(null)} /> : null}
        {allowed && !elder ? (
          <ElderSearch
            actions={(e) => (
              <BigButton testId='pick-elder' onPress={() => setElder(e)}>
                认定和时长
              </BigButton>
            )}
          />
        ) : null}
      </View>
    </Page>
  )
}
