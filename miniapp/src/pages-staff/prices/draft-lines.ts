import { priceItemProblem, type PriceItemInput, type Service } from '@carecircle/shared'
import { fenToYuanText, yuanToFen } from '../../lib/money'
import type { PriceTableItem } from '../../components/price-table'

/** One service as the station admin edits it: prices as typed, in yuan. */
export interface DraftLine {
  serviceId: number
  name: string
  unit: string
  content: string
  paid: string
  low: string
  free: string
}

export type PriceField = 'paid' | 'low' | 'free'
export const PRICE_FIELDS: { field: PriceField; label: string }[] = [
  { field: 'paid', label: '标准价' },
  { field: 'low', label: '低偿价' },
  { field: 'free', label: '无偿价' },
]

/** A board or a version's items, ready to edit. */
export function linesFrom(items: readonly Pick<PriceItemInput, 'serviceId' | 'unit' | 'content' | 'paidFen' | 'lowFen' | 'freeFen'>[], nameOf: (id: number) => string): DraftLine[] {
  return items.map((it) => ({
    serviceId: it.serviceId,
    name: nameOf(it.serviceId),
    unit: it.unit,
    content: it.content,
    paid: fenToYuanText(it.paidFen),
    low: fenToYuanText(it.lowFen),
    free: fenToYuanText(it.freeFen),
  }))
}

export type ReadLines = { ok: true; items: PriceItemInput[] } | { ok: false; problems: Record<number, string> }

/**
 * The lines as the API wants them (integer fen, read digit by digit), or what is wrong with each line: an amount
 * that is not yuan, an empty unit or content, a tier above the list price or 无偿 above 低偿 (the server's own rule).
 */
export function readLines(lines: readonly DraftLine[]): ReadLines {
  const problems: Record<number, string> = {}
  const items: PriceItemInput[] = []
  lines.forEach((l, i) => {
    const fen: Partial<Record<PriceField, number>> = {}
    for (const { field, label } of PRICE_FIELDS) {
      const v = yuanToFen(l[field])
      if (v === null) problems[i] ??= `${label}请填金额（元），例如 40 或 12.50`
      else fen[field] = v
    }
    if (!l.unit.trim()) problems[i] ??= '请填写计价单位，例如“次”“小时”'
    if (!l.content.trim()) problems[i] ??= '请填写服务内容'
    if (problems[i]) return
    const item = { serviceId: l.serviceId, unit: l.unit.trim(), content: l.content.trim(), paidFen: fen.paid!, lowFen: fen.low!, freeFen: fen.free! }
    const problem = priceItemProblem([item], () => l.name)
    if (problem) problems[i] = problem.message
    items.push(item)
  })
  return Object.keys(problems).length ? { ok: false, problems } : { ok: true, items }
}

/** The draft as residents will see it on the board (category, duration and hours from the service menu). */
export function previewItems(items: readonly PriceItemInput[], services: readonly Service[], nameOf: (id: number) => string): PriceTableItem[] {
  const byId = new Map(services.map((s) => [s.id, s]))
  return items.flatMap((it) => {
    const s = byId.get(it.serviceId)
    return s ? [{ ...it, name: nameOf(it.serviceId), category: s.category, durationMinutes: s.durationMinutes, hoursKind: s.hoursKind }] : []
  })
}
