import { sql, type SQL } from 'drizzle-orm'
import { formatBusinessDateTime, HOTLINE, toBusinessIso, type OrderCharge } from '@carecircle/shared'
import type { Tx } from '../db/tx'
import { recordNotices, type Notice } from './notify'

/** What every order notice names: the service, whose visit and when. Never a phone or an address. */
export interface OrderFacts {
  id: number
  elderId: number
  elderName: string
  serviceName: string
  slotStart: Date
}

/** Why the order moved off its station: the station declined, or a supervisor suspended it. */
export type MoveCause = 'declined' | 'suspended'

/** The steps the elder and their family hear about. */
export type OrderChange =
  | { to: 'assigned'; stationName: string; placedBy: string }
  | { to: 'accepted'; stationName: string }
  | { to: 'rerouted'; fromStationName: string | null; stationName: string; cause: MoveCause }
  | { to: 'unassigned'; fromStationName: string | null; cause: MoveCause }
  | { to: 'in_service'; workerName: string; at: Date }
  | { to: 'completed'; servedMinutes: number; charge: OrderCharge }
  | { to: 'cancelled'; by: string }

/** Who hears about an elder's orders: the elder's own login (if any) and every relative bound now. */
export interface Recipient {
  userId: number
  isElder: boolean
}

/**
 * The recipients as one statement, so the booking's raw SQL (orders/booking-sql.ts) and the drizzle paths read
 * the same rule: a revoked link (revoked_at set) is never read, so a revoked relative hears nothing more.
 * Params: the elder's id, twice.
 */
export const RECIPIENTS_SQL = `SELECT user_id AS userId, 1 AS isElder FROM elders WHERE id = ? AND user_id IS NOT NULL
  UNION ALL SELECT family_user_id AS userId, 0 AS isElder FROM family_links WHERE elder_id = ? AND revoked_at IS NULL`

export async function readRecipients(tx: Pick<Tx, 'execute'>, elderId: number): Promise<Recipient[]> {
  const [rows] = (await tx.execute(withParams(RECIPIENTS_SQL, [elderId, elderId]))) as unknown as [{ userId: number; isElder: number | string }[]]
  return toRecipients(rows)
}

/** Rows of RECIPIENTS_SQL as recipients (the driver may give the flag as a number or a string). */
export function toRecipients(rows: { userId: number; isElder: number | string }[]): Recipient[] {
  return rows.map((r) => ({ userId: Number(r.userId), isElder: Number(r.isElder) === 1 }))
}

/** "您的居家保洁（11月24日 09:00）" for the elder, "王秀英的居家保洁（…）" for the family. */
function whose(f: OrderFacts, forElder: boolean): string {
  return `${forElder ? '您' : f.elderName}的${f.serviceName}（${formatBusinessDateTime(f.slotStart)}）`
}

const LEFT: Record<MoveCause, string> = { declined: '无法接单', suspended: '暂停接单' }

/** The title and body one recipient reads about one step (pure: no clock, no database). */
export function orderNoticeText(f: OrderFacts, c: OrderChange, forElder: boolean): { title: string; body: string } {
  const what = whose(f, forElder)
  const from = (name: string | null, cause: MoveCause) => `${name ?? '原驿站'}${LEFT[cause]}，`
  switch (c.to) {
    case 'assigned':
      return { title: `预约成功：${f.serviceName}`, body: `${what}已派给${c.stationName}上门服务。${c.placedBy}` }
    case 'accepted':
      return { title: `驿站已接单：${f.serviceName}`, body: `${what}，${c.stationName}已接单，会按时上门` }
    case 'rerouted':
      return { title: `已换驿站：${f.serviceName}`, body: `${from(c.fromStationName, c.cause)}${what}已改由${c.stationName}上门，价格不变` }
    case 'unassigned':
      return { title: `正在安排驿站：${f.serviceName}`, body: `${from(c.fromStationName, c.cause)}${what}暂时没有驿站能接，街道（民政）工作人员正在安排，有问题可拨打 ${HOTLINE}` }
    case 'in_service':
      return { title: `服务人员已到：${f.serviceName}`, body: `${what}：${c.workerName}已于 ${toBusinessIso(c.at).slice(11, 16)} 到达签到，开始服务` }
    case 'completed':
      return { title: `服务已完成：${f.serviceName}`, body: `${what}已完成，服务 ${c.servedMinutes} 分钟，${c.charge.text}` }
    case 'cancelled':
      return { title: `预约已取消：${f.serviceName}`, body: `${what}已由${c.by}取消` }
  }
}

/** One notice per recipient, except the person who made the step (they saw it happen). */
export function buildOrderNotices(f: OrderFacts, c: OrderChange, to: Recipient[], actorUserId: number | null): Notice[] {
  return to
    .filter((r) => r.userId !== actorUserId)
    .map((r) => {
      const text = orderNoticeText(f, c, r.isElder)
      return { userId: r.userId, entity: 'order' as const, entityId: f.id, title: text.title.slice(0, 64), body: text.body.slice(0, 300) }
    })
}

/** Reads the recipients and records the notices in the step's transaction; returns them to push after commit. */
export async function recordOrderNotices(tx: Tx, f: OrderFacts, c: OrderChange, actorUserId: number | null, now: Date): Promise<Notice[]> {
  return recordNotices(tx, buildOrderNotices(f, c, await readRecipients(tx, f.elderId), actorUserId), now)
}

/** `?` placeholders bound as drizzle parameters (never spliced into the text). */
function withParams(text: string, params: unknown[]): SQL {
  const parts = text.split('?')
  return sql.join(parts.map((p, i) => (i < params.length ? sql`${sql.raw(p)}${params[i]}` : sql.raw(p))))
}
