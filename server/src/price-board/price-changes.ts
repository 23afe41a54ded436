import { formatYuan, type PriceChange } from '@carecircle/shared'

/** One service's line on a board version, as the diff reads it. */
export interface BoardLine {
  serviceId: number
  name: string
  unit: string
  content: string
  paidFen: number
  lowFen: number
  freeFen: number
}

const TIERS = [['paidFen', '标准价'], ['lowFen', '低偿价'], ['freeFen', '无偿价']] as const
const yuan = (fen: number) => `¥${formatYuan(fen)}`
const prices = ({ unit, content, paidFen, lowFen, freeFen }: BoardLine) => ({ unit, content, paidFen, lowFen, freeFen })

/**
 * What changed from one version to the next, per service, in the order of the new board (then the services it
 * dropped): added, removed, or changed (a tier price, the unit or the content). `before` null: the first version.
 */
export function priceChanges(before: readonly BoardLine[] | null, after: readonly BoardLine[]): PriceChange[] {
  if (!before) return []
  const old = new Map(before.map((l) => [l.serviceId, l]))
  const out: PriceChange[] = []
  for (const now of after) {
    const was = old.get(now.serviceId)
    old.delete(now.serviceId)
    if (!was) {
      out.push({ serviceId: now.serviceId, name: now.name, kind: 'added', before: null, after: prices(now), text: `新增“${now.name}”：标准价 ${yuan(now.paidFen)}/${now.unit}，低偿价 ${yuan(now.lowFen)}，无偿价 ${yuan(now.freeFen)}` })
      continue
    }
    const parts = TIERS.filter(([k]) => was[k] !== now[k]).map(([k, label]) => `${label} ${yuan(was[k])} → ${yuan(now[k])}`)
    if (was.unit !== now.unit) parts.push(`计价单位 ${was.unit} → ${now.unit}`)
    if (was.content !== now.content) parts.push('服务内容有更新')
    if (parts.length) out.push({ serviceId: now.serviceId, name: now.name, kind: 'changed', before: prices(was), after: prices(now), text: `“${now.name}”：${parts.join('，')}` })
  }
  for (const was of old.values()) out.push({ serviceId: was.serviceId, name: was.name, kind: 'removed', before: prices(was), after: null, text: `不再提供“${was.name}”` })
  return out
}
