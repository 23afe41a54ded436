import { and, asc, desc, eq, isNotNull, lte } from 'drizzle-orm'
import { HOTLINE, INSPECTION_RESULT_LABELS, publicRating, toBusinessIso, type PriceBoard } from '@carecircle/shared'
import type { Db } from '../db/client'
import { inspections, operators, priceItems, priceVersions, services, stations } from '../db/schema'
import { AppError, notFound } from '../errors'
import { listPriceVersions } from '../price-board/list-price-versions'

/** The price version in force at `at`: the newest published one whose effective date has come (a draft never is). */
export async function currentPriceVersion(db: Db, stationId: number, at: Date) {
  const [v] = await db
    .select()
    .from(priceVersions)
    .where(and(eq(priceVersions.stationId, stationId), eq(priceVersions.status, 'published'), lte(priceVersions.effectiveFrom, at)))
    .orderBy(desc(priceVersions.effectiveFrom), desc(priceVersions.id))
    .limit(1)
  return v ?? null
}

/** 明码标价 (seed 000 §五(三)): company, licence, services with content, unit and fee per tier, complaint channels, effective date. */
export async function getPriceBoard(db: Db, stationId: number, now: Date, opts: { history?: boolean } = {}): Promise<PriceBoard> {
  const [row] = await db
    .select({ s: stations, o: operators })
    .from(stations)
    .innerJoin(operators, eq(operators.id, stations.operatorId))
    .where(eq(stations.id, stationId))
    .limit(1)
  if (!row) throw notFound('这个驿站')
  const version = await currentPriceVersion(db, stationId, now)
  if (!version) throw new AppError(404, 'NO_PRICE_PUBLISHED', '这个驿站还没有公示价格，请选择其他驿站或拨打 12349 咨询')
  const items = await db
    .select({ i: priceItems, sv: services })
    .from(priceItems)
    .innerJoin(services, eq(services.id, priceItems.serviceId))
    .where(eq(priceItems.priceVersionId, version.id))
    .orderBy(asc(services.sortOrder), asc(services.id))
  // The public history (published versions only, whoever asks), with what each changed.
  const history = opts.history ? (await listPriceVersions(db, undefined, stationId, now)).versions : undefined
  const checks = await db
    .select()
    .from(inspections)
    .where(and(eq(inspections.stationId, stationId), isNotNull(inspections.inspectedAt)))
    .orderBy(desc(inspections.inspectedAt))
    .limit(5)
  const { s, o } = row
  return {
    station: { id: s.id, name: s.name, kind: s.kind, address: s.address, phone: s.phone, status: s.status, suspendedReason: s.status === 'suspended' ? s.suspendedReason : null, rating: publicRating(s.ratingTenths, s.ratingCount), ratingCount: s.ratingCount },
    operator: { name: o.name, licenceNo: o.licenceNo, phone: o.phone },
    complaintChannels: { inApp: true, stationPhone: s.phone, hotline: HOTLINE },
    version: { id: version.id, effectiveFrom: toBusinessIso(version.effectiveFrom), publishedAt: toBusinessIso(version.publishedAt!) },
    items: items.map(({ i, sv }) => ({
      serviceId: sv.id, code: sv.code, name: sv.name, category: sv.category, unit: i.unit ?? sv.unit, content: i.content,
      durationMinutes: sv.durationMinutes, hoursKind: sv.hoursKind, freeFen: i.freeFen, lowFen: i.lowFen, paidFen: i.paidFen,
    })),
    ...(history ? { history } : {}),
    inspections: checks.map((c) => ({ inspectedAt: toBusinessIso(c.inspectedAt!), result: c.result!, resultLabel: INSPECTION_RESULT_LABELS[c.result!], notes: c.notes ?? '' })),
  }
}
