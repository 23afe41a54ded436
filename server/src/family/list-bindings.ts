import { and, asc, eq, gte, inArray, isNull, type SQL } from 'drizzle-orm'
import { OPEN_ORDER_STATUSES, businessDate, businessDayStart, maskPhone, toBusinessIso, type Binding, type BindingsQuery, type BindingsResponse } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { elderFor } from '../access/elder-access'
import { elders, familyLinks, orders, services, users } from '../db/schema'
import type { Db } from '../db/client'
import { AppError } from '../errors'

/**
 * The bindings in force, from either side: a relative sees their parents (each with the next visit), the elder
 * sees who can book for them; staff and supervisors name an elder they may act for. Phones are masked.
 */
export async function listBindings(deps: Pick<AppDeps, 'database' | 'stationIndex' | 'clock'>, auth: Auth, q: BindingsQuery): Promise<BindingsResponse> {
  const db = deps.database.db
  const rows = await db
    .select({ link: familyLinks, elder: { id: elders.id, name: elders.name, status: elders.status }, family: { id: users.id, name: users.name, phone: users.phone } })
    .from(familyLinks)
    .innerJoin(elders, eq(elders.id, familyLinks.elderId))
    .innerJoin(users, eq(users.id, familyLinks.familyUserId))
    .where(and(isNull(familyLinks.revokedAt), await whose(deps, auth, q)))
    .orderBy(asc(familyLinks.id))
  const next = await nextVisits(db, [...new Set(rows.map((r) => r.elder.id))], deps.clock())
  return {
    bindings: rows.map((r): Binding => ({
      id: r.link.id,
      elder: r.elder,
      family: { userId: r.family.id, name: r.family.name, phone: maskPhone(r.family.phone) },
      relation: r.link.relation,
      consentedAt: toBusinessIso(r.link.consentedAt),
      via: r.link.invitationId !== null ? 'invitation' : 'profile',
      nextVisit: next.get(r.elder.id) ?? null,
    })),
  }
}

/** Which links the caller may list: their own as a relative, else those of one elder they may act for. */
async function whose(deps: Pick<AppDeps, 'database' | 'stationIndex'>, auth: Auth, q: BindingsQuery): Promise<SQL | undefined> {
  if (auth.role === 'family') return and(eq(familyLinks.familyUserId, auth.userId), q.elderId ? eq(familyLinks.elderId, q.elderId) : undefined)
  let elderId = q.elderId
  if (elderId === undefined && auth.role === 'elder') {
    const [own] = await deps.database.db.select({ id: elders.id }).from(elders).where(eq(elders.userId, auth.userId)).limit(1)
    elderId = own?.id
  }
  if (elderId === undefined) throw new AppError(400, 'VALIDATION_FAILED', '请先选择要查看哪位老人的家人（elderId）')
  return eq(familyLinks.elderId, (await elderFor(deps, auth, elderId, 'read')).id)
}

/** Each elder's next open visit from today on (one in progress still shows), soonest first. */
async function nextVisits(db: Db, elderIds: number[], now: Date): Promise<Map<number, NonNullable<Binding['nextVisit']>>> {
  const out = new Map<number, NonNullable<Binding['nextVisit']>>()
  if (!elderIds.length) return out
  const rows = await db
    .select({ elderId: orders.elderId, orderId: orders.id, slotStart: orders.slotStart, status: orders.status, serviceName: services.name })
    .from(orders)
    .innerJoin(services, eq(services.id, orders.serviceId))
    .where(and(inArray(orders.elderId, elderIds), inArray(orders.status, [...OPEN_ORDER_STATUSES]), gte(orders.slotStart, businessDayStart(businessDate(now)))))
    .orderBy(asc(orders.slotStart), asc(orders.id))
  for (const r of rows) {
    if (!out.has(r.elderId)) out.set(r.elderId, { orderId: r.orderId, slotStart: toBusinessIso(r.slotStart), serviceName: r.serviceName, status: r.status })
  }
  return out
}
