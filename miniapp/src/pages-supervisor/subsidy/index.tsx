import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { formatYuan } from '@carecircle/shared'
import { Page } from '../../components/page'
import { Card } from '../../components/card'
import { Choice, ChoiceGrid } from '../../components/choice'
import { BigButton } from '../../components/big-button'
import { Loading } from '../../components/loading'
import { ErrorState } from '../../components/error-state'
import { BarChart } from '../../components/bar-chart'
import { downloadSubsidyCsv, fetchSubsidyReport, subsidyCsvName, toApiError, type ApiError } from '../../api'
import { useLoad } from '../../lib/use-load'
import { ROUTES } from '../../lib/nav'
import { useSupervisor } from '../supervisor-only'
import { recentMonths } from './months'
import { FigureRows, StationFigures } from './figures'

/** 月度补贴对账: per station and per elder, what the government paid for, with a chart and the CSV for Excel. */
export default function SupervisorSubsidyPage() {
  const { allowed, notice } = useSupervisor(ROUTES.supervisorSubsidy)
  const months = recentMonths(3)
  const [month, setMonth] = useState(months[0]!.month)
  const report = useLoad(() => fetchSubsidyReport(month), [month], allowed)
  const [downloaded, setDownloaded] = useState<string | null>(null)
  const [failed, setFailed] = useState<ApiError | null>(null)
  const data = report.data
  const bars = [...(data?.stations ?? [])]
    .sort((a, b) => b.subsidyFen - a.subsidyFen)
    .map((s) => ({ key: s.stationId, label: s.stationName, value: s.subsidyFen, valueText: `¥${formatYuan(s.subsidyFen)}` }))

  const download = async () => {
    setFailed(null)
    setDownloaded(null)
    try {
      await downloadSubsidyCsv(month)
      setDownloaded(subsidyCsvName(month))
    } catch (err) {
      setFailed(toApiError(err))
    }
  }

  return (
    <Page title='月度补贴对账' nav='supervisor' active='more' help={false}>
      <View className='stack' data-testid='subsidy-report'>
        {notice}
        <View className='field-label'>看哪个月：</View>
        <ChoiceGrid wide>
          {months.map((m) => (
            <Choice key={m.month} label={m.label} sub={<Text className='nowrap'>{m.sub}</Text>} selected={month === m.month} testId='report-month' value={m.month} onPress={() => setMonth(m.month)} />
          ))}
        </ChoiceGrid>
        {report.loading ? <Loading /> : null}
        {report.error ? <ErrorState error={report.error} onRetry={report.reload} /> : null}
        {data ? (
          <>
            <Card title='全部驿站合计' testId='subsidy-totals'>
              <FigureRows f={data.totals} />
            </Card>
            <BigButton variant='secondary' testId='download-csv' loadingText='正在下载……' onPress={download}>
              下载表格（Excel 可打开）
            </BigButton>
            {downloaded ? <View className='notice ok' data-testid='csv-downloaded'>已下载“{downloaded}”。</View> : null}
            {failed ? <ErrorState error={failed} /> : null}
            <View className='section-title'>各驿站的补贴金额</View>
            <View className='t-muted'>条越长补贴越多；每条后面写着金额。</View>
            {bars.length ? <BarChart label='各驿站本月补贴金额' bars={bars} /> : <View className='notice'>这个月还没有完成的订单。</View>}
            <View className='section-title'>各驿站和老人</View>
            {data.stations.map((s) => (
              <StationFigures key={s.stationId} report={data} station={s} />
            ))}
          </>
        ) : null}
      </View>
    </Page>
  )
}
