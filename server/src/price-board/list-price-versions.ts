import { and, asc, eq, inArray } from 'drizzle-orm'
import { toBusinessIso, type PriceVersion, type PriceVersionList } from '@carecircle/shared'
import type { Auth } from '../auth/token'
import type { Db } from '../db/client'
import type { Tx } from '../db/tx'
import { priceItems, priceVersions, services, stations } from '../db/schema'
import { notFound } from '../errors'
import { priceChanges, type BoardLine } from './price-changes'
import { versionInForce } from './version-in-force'

type VersionRow = typeof priceVersions.$inferSelect
type Line = BoardLine & { code: string }

/**
 * A station's board history, newest first, each published version with what changed from the one before it.
 * Drafts are shown only to the station's own admin, each compared with the published version it would follow (the one
 * in force at its proposed time).
 */
export async function listPriceVersions(db: Db, auth: Auth | undefined, stationId: number, now: Date): Promise<PriceVersionList> {
  const [s] = await db.select({ id: stations.id }).from(stations).where(eq(stations.id, stationId)).limit(1)
  if (!s) throw notFound('这个驿站')
  const withDrafts = auth?.role === 'station_admin' && auth.stationId === stationId
  const versions = await db.select().from(priceVersions)
    .where(withDrafts ? eq(priceVersions.stationId, stationId) : and(eq(priceVersions.stationId, stationId), eq(priceVersions.status, 'published')))
    .orderBy(asc(priceVersions.effectiveFrom), asc(priceVersions.id))
  const lines = await linesOf(db, versions.map((v) => v.id))
  const published = versions.filter((v) => v.status === 'published')
  const dated = published.map((v) => ({ id: v.id, effectiveFrom: v.effectiveFrom.getTime(), v }))
  const inForce = versionInForce(dated, now.getTime())
  const view = (v: VersionRow, before: VersionRow | undefined): PriceVersion => ({
    id: v.id, stationId: v.stationId, status: v.status, effectiveFrom: toBusinessIso(v.effectiveFrom),
    publishedAt: v.publishedAt ? toBusinessIso(v.publishedAt) : null, note: v.note, inForce: v.id === inForce?.id,
    items: (lines.get(v.id) ?? []).map(({ serviceId, code, name, unit, content, paidFen, lowFen, freeFen }) => ({ serviceId, code, name, unit, content, paidFen, lowFen, freeFen })),
    changes: priceChanges(before ? (lines.get(before.id) ?? []) : null, lines.get(v.id) ?? []),
  })
  const history = published.map((v, i) => view(v, published[i - 1])).reverse()
  const drafts = versions.filter((v) => v.status === 'draft').map((v) => view(v, versionInForce(dated, v.effectiveFrom.getTime())?.v)).reverse()
  return { stationId, versions: [...drafts, ...history] }
}

/** The lines of these versions in menu order; a line without its own unit takes the menu's. */
export async function linesOf(db: Db | Tx, versionIds: number[]): Promise<Map<number, Line[]>> {
  const out = new Map<number, Line[]>()
  if (versionIds.length === 0) return out
  const rows = await db.select({ i: priceItems, sv: services }).from(priceItems)
    .innerJoin(services, eq(services.id, priceItems.serviceId))
    .where(inArray(priceItems.priceVersionId, versionIds))
    .orderBy(asc(services.sortOrder), asc(services.id))
  for (const { i, sv } of rows) {
    const list = out.get(i.priceVersionId) ?? []
    list.push({ serviceId: sv.id, code: sv.code, name: sv.name, unit: i.unit ?? sv.unit, content: i.content, paidFen: i.paidFen, lowFen: i.lowFen, freeFen: i.freeFen })
    out.set(i.priceVersionId, list)
  }
  return out
}
