import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Page } from '../../components/page'
import { Choice, ChoiceGrid } from '../../components/choice'
import { Loading } from '../../components/loading'
import { ErrorState } from '../../components/error-state'
import { BarChart } from '../../components/bar-chart'
import { fetchStationFigures } from '../../api'
import { useLoad } from '../../lib/use-load'
import { ROUTES } from '../../lib/nav'
import { businessDate, formatDateCn } from '../../lib/time'
import { useSupervisor } from '../supervisor-only'
import { FiguresCard, per100Text } from './figures-card'
import { WholeNumbers } from '../../components/whole-numbers'

const PERIODS = [
  { days: 7, label: '近 7 天' },
  { days: 30, label: '近 30 天' },
  { days: 90, label: '近 90 天' },
]

/** 驿站考评: each station's figures for a period, and complaints per 100 orders as a plain bar chart. */
export default function SupervisorFiguresPage() {
  const { allowed, notice } = useSupervisor(ROUTES.supervisorFigures)
  const [days, setDays] = useState(30)
  const from = businessDate(-(days - 1))
  const to = businessDate(0)
  const figures = useLoad(() => fetchStationFigures(from, to), [from, to], allowed)
  const stations = figures.data?.stations ?? []
  // Most complaints per 100 orders first; stations with no completed orders last.
  const bars = [...stations]
    .sort((a, b) => (b.complaintsPer100Orders ?? -1) - (a.complaintsPer100Orders ?? -1))
    .map((f) => ({ key: f.station.id, label: f.station.name, value: f.complaintsPer100Orders, valueText: per100Text(f.complaintsPer100Orders) }))

  return (
    <Page title='驿站考评' nav='supervisor' active='more' help={false}>
      <View className='stack'>
        {notice}
        <View className='field-label'>看哪段时间：</View>
        <ChoiceGrid wide>
          {PERIODS.map((p) => (
            <Choice key={p.days} label={p.label} selected={days === p.days} testId='figures-period' value={String(p.days)} onPress={() => setDays(p.days)} />
          ))}
        </ChoiceGrid>
        <View className='t-muted' data-testid='figures-range'>
          <WholeNumbers text={`${formatDateCn(from)} 到 ${formatDateCn(to)}（含这两天）`} />
        </View>
        {figures.loading ? <Loading /> : null}
        {figures.error ? <ErrorState error={figures.error} onRetry={figures.reload} /> : null}
        {figures.data ? (
          <>
            <View className='section-title'>收到的投诉（每 <Text className='num'>100 单</Text>服务）</View>
            <View className='t-muted'>条越长投诉越多；每条后面写着数字。</View>
            {bars.length ? <BarChart label='各驿站每 100 单服务收到的投诉数' bars={bars} /> : <View className='notice'>没有驿站。</View>}
            <View className='section-title'>各驿站的数字</View>
            {stations.map((f) => (
              <FiguresCard key={f.station.id} f={f} />
            ))}
          </>
        ) : null}
      </View>
    </Page>
  )
}
