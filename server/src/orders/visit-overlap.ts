import { formatBusinessDateTime, visitsClash, type ServiceCategory, type VisitSpan } from '@carecircle/shared'

/** What the overlap rule needs of an open visit (booking-sql.ts reads them). */
export interface VisitFacts {
  id: number
  slotStart: Date
  durationMinutes: number
  serviceName: string
  category: ServiceCategory
}

export const spanOf = (v: Pick<VisitFacts, 'slotStart' | 'durationMinutes' | 'category'>): VisitSpan => ({
  start: v.slotStart,
  end: new Date(v.slotStart.getTime() + v.durationMinutes * 60_000),
  category: v.category,
})

/** Pure: the first (oldest) of the elder's open visits that a new visit would clash with, or null. */
export function firstClash<V extends VisitFacts>(visits: V[], visit: VisitSpan): V | null {
  return visits.filter((v) => visitsClash(spanOf(v), visit)).sort((a, b) => a.id - b.id)[0] ?? null
}

/** A slot's reason in words: "这个时间您已约了陪同就医（10:00–12:00）" (the elder's name when someone books for them). */
export function overlapReason(who: string, v: VisitFacts): string {
  const span = spanOf(v)
  const time = (d: Date) => formatBusinessDateTime(d).split(' ')[1]
  return `这个时间${who}已约了${v.serviceName}（${time(span.start)}–${time(span.end)}）`
}
