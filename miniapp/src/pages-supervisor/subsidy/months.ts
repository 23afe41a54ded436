import { businessDate } from '../../lib/time'

/** The last `n` months in business time, this one first: { month: '2026-12', label: '本月', sub: '2026年12月' }. */
export function recentMonths(n: number, now: number = Date.now()): { month: string; label: string; sub: string }[] {
  const [y, m] = businessDate(0, now).split('-').map(Number) as [number, number]
  return Array.from({ length: n }, (_, i) => {
    const total = y * 12 + (m - 1) - i
    const year = Math.floor(total / 12)
    const month = (total % 12) + 1
    const name = i === 0 ? '本月' : i === 1 ? '上月' : `${month}月`
    return { month: `${year}-${String(month).padStart(2, '0')}`, label: name, sub: `${year}年${month}月` }
  })
}
