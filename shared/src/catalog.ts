import { z } from 'zod'

export const SERVICE_CATEGORIES = [
  'meal', 'cleaning', 'bathing', 'medical', 'mobility', 'emergency', 'visit', 'repair', 'errand', 'grooming', 'rehab', 'companionship',
] as const
export const ZServiceCategory = z.enum(SERVICE_CATEGORIES)
export type ServiceCategory = z.infer<typeof ZServiceCategory>
export const CATEGORY_LABELS: Record<ServiceCategory, string> = {
  meal: '助餐', cleaning: '助洁', bathing: '助浴', medical: '助医', mobility: '助行', emergency: '助急',
  visit: '巡视探访', repair: '家电维修', errand: '代买代购', grooming: '理发修甲', rehab: '康复护理', companionship: '心理慰藉',
}

/**
 * One elder's visits must not overlap in time (slotStart .. slotStart + durationMinutes), except visits of these
 * pairs of categories, declared here as data. Pairs, not a per-service flag: whether two visits can share an hour
 * depends on both — a meal can be dropped off while the home is being cleaned, or an errand run meanwhile, but
 * nothing can happen at home during a hospital escort, and two cleanings are one cleaning booked twice.
 * 助急 (emergency) combines with everything: help in an emergency is never refused because a visit is booked.
 */
export const COMBINABLE_CATEGORY_PAIRS = [
  ['meal', 'cleaning'], ['meal', 'repair'], ['meal', 'errand'], ['meal', 'visit'],
  ['errand', 'cleaning'], ['errand', 'repair'], ['errand', 'visit'], ['errand', 'companionship'],
  ['repair', 'cleaning'],
] as const satisfies readonly (readonly [ServiceCategory, ServiceCategory])[]

/** The categories whose visits may overlap a visit of this category (the relation is symmetric). */
export function combinableWith(category: ServiceCategory): ServiceCategory[] {
  if (category === 'emergency') return [...SERVICE_CATEGORIES]
  const out = new Set<ServiceCategory>(['emergency'])
  for (const [a, b] of COMBINABLE_CATEGORY_PAIRS) {
    if (a === category) out.add(b)
    if (b === category) out.add(a)
  }
  return [...out]
}

/** A visit of one elder in time: from its slot start for the service's duration. */
export interface VisitSpan {
  start: Date
  end: Date
  category: ServiceCategory
}

/**
 * The one overlap rule, pure: two visits of one elder clash when their times overlap (back to back does not) and
 * their categories are not combinable. The slot list marks such a slot 'overlaps'; booking refuses it with
 * VISIT_OVERLAPS (its write batch states the same rule in SQL, under the elder's row lock, against races).
 */
export function visitsClash(a: VisitSpan, b: VisitSpan): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime() && !combinableWith(a.category).includes(b.category)
}

/** Government-purchased weekly minutes are of two kinds: 3 h housekeeping (家政) + 1 h medical (医疗). */
export const HOURS_KINDS = ['housekeeping', 'medical'] as const
export const ZHoursKind = z.enum(HOURS_KINDS)
export type HoursKind = z.infer<typeof ZHoursKind>

export const ZService = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  category: ZServiceCategory,
  unit: z.string().describe('计价单位，如“次”“小时”“餐”'),
  durationMinutes: z.number().int(),
  hoursKind: ZHoursKind.nullable(),
  description: z.string(),
})
export type Service = z.infer<typeof ZService>
export const ZServicesResponse = z.object({ services: z.array(ZService) })
export type ServicesResponse = z.infer<typeof ZServicesResponse>
