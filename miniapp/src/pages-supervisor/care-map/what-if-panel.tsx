import { View } from '@tarojs/components'
import type { StationKind, WhatIfResponse } from '@carecircle/shared'
import { Choice, ChoiceGrid } from '../../components/choice'
import { BigButton } from '../../components/big-button'
import { whatIfText } from '../../lib/care-words'
import { WholeNumbers } from '../../components/whole-numbers'

const KINDS: { kind: StationKind; label: string; sub: string }[] = [
  { kind: 'station', label: '驿站', sub: '步行 15 分钟' },
  { kind: 'complex', label: '综合体', sub: '方圆 2 公里' },
]

export interface WhatIfPanelProps {
  kind: StationKind
  onKind: (kind: StationKind) => void
  onBest: () => Promise<void>
  result: WhatIfResponse | null
  shareBefore: number | null
}

/** 假如在这里建站: the kind, 最佳位置, and the answer in words. A tap on the map or a 试建 button tries a point. */
export function WhatIfPanel({ kind, onKind, onBest, result, shareBefore }: WhatIfPanelProps) {
  const tried = result ? (result.candidate ?? result.best) : null
  return (
    <View className='stack' data-testid='what-if'>
      <View>先选要建什么，再点“算出最佳位置”，或者直接点地图上想建站的地方。只是试算，不会保存。</View>
      <ChoiceGrid>
        {KINDS.map((k) => (
          <Choice key={k.kind} label={k.label} sub={k.sub} selected={k.kind === kind} testId='what-if-kind' value={k.kind} onPress={() => onKind(k.kind)} />
        ))}
      </ChoiceGrid>
      <BigButton testId='what-if-best' loadingText='正在计算……' onPress={onBest}>
        算出最佳位置
      </BigButton>
      {result ? (
        <View className={`notice${tried && tried.newlyCovered > 0 ? ' ok' : ''}`} data-testid='what-if-result' data-newly={tried?.newlyCovered ?? 0} role='status'>
          <WholeNumbers text={whatIfText(result, tried, shareBefore, !result.candidate)} />
        </View>
      ) : null}
    </View>
  )
}
