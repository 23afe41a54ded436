import { View } from '@tarojs/components'
import type { PriceBoard } from '@carecircle/shared'
import { formatDateCn } from '../../lib/time'

/** 双随机抽查 results, public: date, 合格 / 限期整改 / 不合格 in words, and what the inspector wrote. */
export function Inspections({ inspections }: { inspections: PriceBoard['inspections'] }) {
  return (
    <View className='stack' data-testid='inspections'>
      <View className='section-title'>民政部门抽查结果（双随机抽查）</View>
      {inspections.length === 0 ? <View className='t-muted'>这家驿站还没有被抽查过。</View> : null}
      {inspections.map((i) => (
        <View key={`${i.inspectedAt}-${i.result}`} className='card' data-testid='inspection-item' data-result={i.result}>
          <View className='t-big'>结果：{i.resultLabel}</View>
          <View>抽查日期：{formatDateCn(i.inspectedAt)}</View>
          <View>检查情况：{i.notes}</View>
        </View>
      ))}
    </View>
  )
}
