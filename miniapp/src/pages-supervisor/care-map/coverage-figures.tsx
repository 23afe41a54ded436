import { View } from '@tarojs/components'
import type { CoverageResponse } from '@carecircle/shared'
import { Card, InfoRow } from '../../components/card'
import { coverageLine, shareText } from '../../lib/care-words'
import { WholeNumbers } from '../../components/whole-numbers'

/** The coverage figures as words and numbers: overall, per tier, per age band (bands with no one left out). */
export function CoverageFigures({ data }: { data: CoverageResponse }) {
  const bands = data.byAgeBand.filter((b) => b.elders > 0)
  return (
    <View className='stack'>
      <View className='notice' data-testid='coverage-overall'>
        <View className='t-big'>
          服务圈覆盖率 <View className='nowrap' style='display:inline'>{shareText(data.overall.share)}</View>
        </View>
        <View><WholeNumbers text={`${coverageLine(data.overall)}。`} /></View>
        <View><WholeNumbers text={`还有 ${data.overall.elders - data.overall.covered} 位老人在所有驿站的服务圈外。`} /></View>
      </View>
      <Card title='按补贴类别' testId='coverage-tiers'>
        {data.byTier.map((t) => (
          <InfoRow key={t.tier} label={`${t.label}：${shareText(t.share)}`}>
            <WholeNumbers text={coverageLine(t)} />
          </InfoRow>
        ))}
      </Card>
      <Card title='按年龄' testId='coverage-ages'>
        {bands.map((b) => (
          <InfoRow key={b.band} label={`${b.label}：${shareText(b.share)}`}>
            <WholeNumbers text={coverageLine(b)} />
          </InfoRow>
        ))}
      </Card>
    </View>
  )
}
