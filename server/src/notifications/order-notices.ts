import { formatBusinessDateTime, HOTLINE, toBusinessIso, type OrderCharge } from '@carecircle/shared'
import type { Tx } from '../db/tx'
import { recordNotices, type Notice } from './notify'
import { readRecipients, type Recipient } from './elder-followers'

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
