import { and, eq, gt } from 'drizzle-orm'
import { businessDate, formatBusinessDateTime, toBusinessIso, type WaitingVersion } from '@carecircle/shared'
import type { Tx } from '../db/tx'
import { priceVersions } from '../db/schema'
import { AppError } from '../errors'
import { priceChanges, type BoardLine } from './price-changes'
import { linesOf } from './list-price-versions'

/** A published version as the waiting check reads it. */
export interface PublishedBoard {
  id: number
  effectiveFrom: Date
  lines: readonly BoardLine[]
}

/**
 * The published versions that take effect after `effectiveFrom`, in the order they will, each with what it will
 * change when its time comes: the first from the new lines, each next one from the one before it. Publishing before
 * them does not stop them; it changes what they change, which is why the admin sees this first.
 */
export function waitingAfter(effectiveFrom: Date, lines: readonly BoardLine[], published: readonly PublishedBoard[]): WaitingVersion[] {
  const later = published
    .filter((v) => v.effectiveFrom.getTime() > effectiveFrom.getTime())
    .sort((a, b) => a.effectiveFrom.getTime() - b.effectiveFrom.getTime() || a.id - b.id)
  let before = lines
  return later.map((v) => {
    const changes = priceChanges(before, v.lines)
    before = v.lines
    return { id: v.id, effectiveFrom: toBusinessIso(v.effectiveFrom), changes }
  })
}

/** Confirmed when every waiting version is among those the admin was shown (one that appeared since is not). */
export function confirmsWaiting(waiting: readonly WaitingVersion[], confirmed: readonly number[] | undefined): boolean {
  return waiting.every((w) => confirmed?.includes(w.id))
}

const inWords = (d: Date) => `${businessDate(d).slice(0, 4)}年${formatBusinessDateTime(d)}`

/**
 * Inside the publication's transaction, after its lines are written: refuses it (409 WAITING_VERSIONS, nothing kept)
 * while a version published for a later time waits and the admin has not confirmed publishing before it.
 */
export async function checkWaiting(tx: Tx, stationId: number, versionId: number, effectiveFrom: Date, confirmed: readonly number[] | undefined): Promise<void> {
  const later = await tx.select({ id: priceVersions.id, effectiveFrom: priceVersions.effectiveFrom }).from(priceVersions)
    .where(and(eq(priceVersions.stationId, stationId), eq(priceVersions.status, 'published'), gt(priceVersions.effectiveFrom, effectiveFrom)))
  if (later.length === 0) return
  const lines = await linesOf(tx, [versionId, ...later.map((v) => v.id)])
  const waiting = waitingAfter(effectiveFrom, lines.get(versionId) ?? [], later.map((v) => ({ ...v, lines: lines.get(v.id) ?? [] })))
  if (confirmsWaiting(waiting, confirmed)) return
  const first = later.reduce((a, b) => (b.effectiveFrom < a.effectiveFrom ? b : a)).effectiveFrom
  const which = waiting.length === 1 ? `要到 ${inWords(first)} 才执行的价格` : `还没到执行时间的 ${waiting.length} 版价格（最早 ${inWords(first)} 起）`
  throw new AppError(409, 'WAITING_VERSIONS', `已经公示、${which}，到时会替换这次的新价格。请看清到时会怎样变，确认后再公示`, { waiting })
}
