import { View } from '@tarojs/components'
import './index.css'

export interface Bar {
  key: string | number
  label: string
  /** null: nothing to show (e.g. no completed orders); the bar is empty and `valueText` says why. */
  value: number | null
  valueText: string
}

/**
 * A plain horizontal bar chart made of Views (no chart library): one row per item, its name above, the
 * bar and its number written beside it, so nothing is read from length or colour alone.
 */
export function BarChart({ bars, label, testId = 'bar-chart' }: { bars: Bar[]; label: string; testId?: string }) {
  const max = Math.max(0, ...bars.map((b) => b.value ?? 0))
  return (
    <View className='bar-chart' role='list' aria-label={label} data-testid={testId}>
      {bars.map((b) => {
        const share = b.value === null || max === 0 ? 0 : b.value / max
        return (
          <View key={b.key} className='bar-row' role='listitem' data-testid='bar-row'>
            <View className='bar-label'>{b.label}</View>
            <View className='bar-line'>
              <View className='bar-track' aria-hidden='true'>
                <View className='bar-fill' data-testid='bar-fill' style={{ width: `${Math.round(share * 100)}%` }} />
              </View>
              <View className='bar-value' data-testid='bar-value'>
                {b.valueText}
              </View>
            </View>
          </View>
        )
      })}
    </View>
  )
}

export default BarChart
