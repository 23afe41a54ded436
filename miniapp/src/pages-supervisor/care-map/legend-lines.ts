import type { CareMapResponse } from '@carecircle/shared'
import type { LegendLine } from '../../components/care-map'

/** What each mark on the map means; lines for kinds not on this map are left out. */
export function legendLines(data: CareMapResponse, hasCandidate: boolean): LegendLine[] {
  const lines: LegendLine[] = [
    { swatch: 'station', words: '蓝色圆点：驿站' },
    ...(data.stations.some((s) => s.kind === 'complex') ? [{ swatch: 'complex' as const, words: '深蓝方块：综合体（虚线圈）' }] : []),
    { swatch: 'circle', words: '蓝色圆圈：服务圈，圈里的老人都能得到上门服务' },
    { swatch: 'free', words: '方格里紫色实心部分：无偿老人' },
    { swatch: 'low', words: '方格里橙色斜线部分：低偿老人' },
    { swatch: 'paid', words: '方格里灰色圆点部分：有偿老人' },
    { swatch: 'uncovered', words: '红色虚线框和字母：这一片有老人在服务圈外' },
  ]
  if (data.stations.some((s) => s.status !== 'active')) lines.splice(1, 0, { swatch: 'station', words: '空心圆点：暂停接单的驿站，它的圈不算覆盖' })
  if (hasCandidate) lines.push({ swatch: 'candidate', words: '黄色虚线圈和★：试算的新站' })
  return lines
}
