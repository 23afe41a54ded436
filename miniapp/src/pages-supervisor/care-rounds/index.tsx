import { Text, View } from '@tarojs/components'
import { Page } from '../../components/page'
import { Card, InfoRow } from '../../components/card'
import { BigButton } from '../../components/big-button'
import { Loading } from '../../components/loading'
import { ErrorState } from '../../components/error-state'
import { fetchMissedRounds, fetchRoundCoverage } from '../../api'
import { useLoad } from '../../lib/use-load'
import { shareText } from '../../lib/care-words'
import { monthLabel } from '../../lib/family-words'
import { ROUTES, go } from '../../lib/nav'
import { formatDateTime } from '../../lib/time'
import { useSupervisor } from '../supervisor-only'

const onScheduleText = (r: { elders: number; onSchedule: number; share: number | null }) =>
  r.elders === 0 ? '还没有到期的巡访' : `${r.elders} 位中 ${r.onSchedule} 位按时巡访到，占 ${shareText(r.share)}`

/** 巡访情况: this month's share visited on schedule (target 100%), who was not and why, and rounds past their day. */
export default function RoundCoveragePage() {
  const { allowed, notice } = useSupervisor(ROUTES.supervisorRoundCoverage)
  const report = useLoad(() => Promise.all([fetchRoundCoverage(), fetchMissedRounds()]), [], allowed)
  const [cov, missed] = report.data ?? [null, null]
  const nothingDue = cov?.district.elders === 0

  return (
    <Page title='巡访情况' nav='supervisor' active='more' help={false}>
      <View className='stack'>
        {notice}
        {report.loading ? <Loading /> : null}
        {report.error ? <ErrorState error={report.error} onRetry={report.reload} /> : null}
        {cov && missed ? (
          <>
            {/* Nothing due yet is not a share of 0 or 100 %: say that there was nothing to judge. */}
            {nothingDue ? (
              <View className='notice' data-testid='round-district'>
                <View className='t-big'>{monthLabel(cov.month)}全区按时巡访：还算不出</View>
                <View>本月还没有到期的巡访，到期后这里会显示按时巡访到的比例（目标是 100%）。</View>
              </View>
            ) : (
              <View className={`notice${cov.district.share === 1 ? ' ok' : ' warn'}`} data-testid='round-district'>
                <View className='t-big'>{monthLabel(cov.month)}全区按时巡访 {shareText(cov.district.share)}</View>
                <View>{onScheduleText(cov.district)}。目标是 100%：需要巡访的老人都按时看望到。</View>
              </View>
            )}
            <Card title='各驿站' testId='round-stations'>
              {cov.stations.length === 0 ? <View className='t-muted'>本月还没有哪个驿站有到期的巡访。</View> : null}
              {cov.stations.map((s) => (
                <InfoRow key={s.station?.id ?? 0} label={`${s.station?.name ?? '不在服务圈内（社区安排）'}${s.elders === 0 ? '' : `：${shareText(s.share)}`}`}>
                  {onScheduleText(s)}
                </InfoRow>
              ))}
            </Card>
            <View className='section-title'>没有按时巡访到的老人</View>
            {cov.notOnSchedule.length === 0 ? <View className={nothingDue ? 'notice' : 'notice ok'}>{nothingDue ? '本月还没有到期的巡访。' : '没有，都按时巡访到了。'}</View> : null}
            {cov.notOnSchedule.map((n) => (
              <Card key={`${n.elder.id}-${n.why}`} title={n.elder.name} testId='not-on-schedule'>
                <InfoRow label='原因'>{n.whyText}</InfoRow>
                <InfoRow label='负责'>{n.station?.name ?? '不在服务圈内，社区安排'}</InfoRow>
              </Card>
            ))}
            <View className='section-title'>过期未巡访（超过 <Text className='num'>1 天</Text>）</View>
            {missed.rounds.length === 0 ? <View className='notice ok' data-testid='missed-none'>没有过期的巡访。</View> : null}
            {missed.rounds.map((r) => (
              <Card key={r.id} title={r.elder.name} testId='missed-round'>
                <InfoRow label='应办时间'>{formatDateTime(r.dueAt)}</InfoRow>
                <InfoRow label='负责'>{r.station?.name ?? '不在服务圈内，社区安排'}</InfoRow>
                <InfoRow label='方式'>{r.modeLabel}</InfoRow>
              </Card>
            ))}
            {missed.nextCursor ? <View className='t-muted'>还有更多过期的巡访，请先处理上面这些。</View> : null}
            <BigButton variant='secondary' testId='supervisor-rounds' onPress={() => go(ROUTES.staffRounds)}>
              圈外老人的巡访任务（社区自己安排）
            </BigButton>
          </>
        ) : null}
      </View>
    </Page>
  )
}
