import { asc, eq, inArray } from 'drizzle-orm'
import {
  COMPLAINT_ACTIONS, COMPLAINT_CATEGORY_LABELS, COMPLAINT_STATUS_LABELS, ROLE_LABELS, isFinalAnswer, toBusinessIso,
  type Complaint, type ComplaintParty, type FeeEvidence, type FeeSummary, type Role,
} from '@carecircle/shared'
import type { Db } from '../db/client'
import type { Tx } from '../db/tx'
import { complaintEvents, complaints, elders, orders, services, stations, users } from '../db/schema'
import { checkStep, nextDeadlineText, type ComplaintPolicy } from './complaint-policy'
import type { ComplaintRow } from './complaint-access'

export interface ComplaintViewRow {
  c: ComplaintRow
  st: { id: number; name: string; phone: string }
  elder: { id: number; name: string } | null
  complainant: { id: number; name: string; role: Role }
  /** The order's service and slot, for a fee complaint's summary. */
  visit: { serviceName: string | null; slotStart: Date | null } | null
}

/** Complaints with what their DTO shows: the station, the elder, who filed it and the service and slot of the order. */
export function selectComplaintRows(db: Db) {
  return db
    .select({
      c: complaints, st: { id: stations.id, name: stations.name, phone: stations.phone }, elder: { id: elders.id, name: elders.name },
      complainant: { id: users.id, name: users.name, role: users.role }, visit: { serviceName: services.name, slotStart: orders.slotStart },
    })
    .from(complaints)
    .innerJoin(stations, eq(stations.id, complaints.stationId))
    .innerJoin(users, eq(users.id, complaints.complainantUserId))
    .leftJoin(elders, eq(elders.id, complaints.elderId))
    .leftJoin(orders, eq(orders.id, complaints.orderId))
    .leftJoin(services, eq(services.id, orders.serviceId))
}

/** Service, month and difference only: what the station of an anonymous fee complaint may know (no field of one order). */
export function feeSummary(evidence: FeeEvidence | null, visit: ComplaintViewRow['visit']): FeeSummary | null {
  if (!evidence || !visit?.serviceName || !visit.slotStart) return null
  return {
    serviceName: visit.serviceName,
    month: toBusinessIso(visit.slotStart).slice(0, 7),
    differenceFen: evidence.chargedFen === null ? null : evidence.chargedFen - evidence.quotedPayableFen,
  }
}

const STEP_TEXT: Record<string, string> = {
  'null>submitted': '提交了投诉',
  'submitted>acknowledged': '驿站受理了投诉',
  'submitted>resolved': '驿站答复并办结',
  'acknowledged>resolved': '驿站答复并办结',
  'escalated>resolved': '民政部门作出督办决定',
  'reopened>resolved': '民政部门作出督办决定',
  'resolved>reopened': '投诉人不满意，重新投诉，转民政部门督办',
  'resolved>closed': '投诉已办结',
}

/** Who took a step, as the reader may know it: the station never learns an anonymous complainant's name. */
function actorText(role: string, name: string | null, anonymousToReader: boolean): string {
  if (role === 'system') return '系统'
  if (role === 'elder' || role === 'family') return anonymousToReader ? '投诉人（匿名）' : `${name ?? ''}（${ROLE_LABELS[role as Role]}）`
  if (role === 'supervisor') return '民政部门'
  return '驿站'
}

export async function fetchComplaintEvents(db: Db, id: number, anonymousToReader: boolean) {
  const rows = await db
    .select({ ev: complaintEvents, name: users.name })
    .from(complaintEvents)
    .leftJoin(users, eq(users.id, complaintEvents.actorUserId))
    .where(eq(complaintEvents.complaintId, id))
    .orderBy(asc(complaintEvents.at), asc(complaintEvents.id))
  return rows.map(({ ev, name }) => {
    const key = `${ev.fromStatus ?? 'null'}>${ev.toStatus}`
    const text = ev.toStatus === 'escalated' ? (ev.actorRole === 'system' ? '驿站没有在期限内处理，已转民政部门督办' : '民政部门开始督办') : (STEP_TEXT[key] ?? COMPLAINT_STATUS_LABELS[ev.toStatus])
    return { at: toBusinessIso(ev.at), fromStatus: ev.fromStatus, toStatus: ev.toStatus, actor: actorText(ev.actorRole, name, anonymousToReader), message: ev.message, text }
  })
}

export function toComplaintDto(row: ComplaintViewRow, party: ComplaintParty, role: Role, now: Date, policy: ComplaintPolicy, events?: Complaint['events']): Complaint {
  const { c, st } = row
  const hidden = party === 'station' && c.anonymous
  const evidence = (c.evidence as FeeEvidence | null) ?? null
  const running = c.status === 'submitted' ? c.ackDueAt : c.status === 'acknowledged' ? c.resolveDueAt : null
  // Station staff see complaints; only the station admin answers them. The buttons are the steps the server would take now.
  const actions = party === 'station' && role !== 'station_admin' ? [] : COMPLAINT_ACTIONS.filter((a) => checkStep(c, a, party, now, policy).ok)
  return {
    id: c.id,
    status: c.status,
    statusLabel: COMPLAINT_STATUS_LABELS[c.status],
    category: c.category,
    categoryLabel: COMPLAINT_CATEGORY_LABELS[c.category],
    description: c.content,
    anonymous: c.anonymous,
    complainant: hidden ? null : { userId: row.complainant.id, name: row.complainant.name, role: row.complainant.role },
    elder: hidden || !row.elder?.id ? null : { id: row.elder.id, name: row.elder.name },
    orderId: hidden ? null : c.orderId,
    station: st,
    evidence: hidden ? null : evidence,
    feeSummary: feeSummary(evidence, row.visit),
    refundFen: c.refundFen,
    ackDueAt: toBusinessIso(c.ackDueAt),
    resolveDueAt: toBusinessIso(c.resolveDueAt),
    nextDeadline: nextDeadlineText(c, policy),
    overdue: running !== null && now.getTime() >= running.getTime(),
    late: c.late === 1,
    createdAt: toBusinessIso(c.createdAt),
    allowedActions: actions,
    finalAnswer: isFinalAnswer(c),
    ...(events ? { events } : {}),
  }
}

/** Users to tell about a complaint: its station's admins, or every supervisor. */
export async function stationAdminIds(db: Db | Tx, stationId: number): Promise<number[]> {
  const rows = await db.select({ id: users.id, role: users.role }).from(users).where(eq(users.stationId, stationId))
  return rows.filter((r) => r.role === 'station_admin').map((r) => r.id)
}
export async function supervisorIds(db: Db | Tx): Promise<number[]> {
  return (await db.select({ id: users.id }).from(users).where(inArray(users.role, ['supervisor']))).map((r) => r.id)
}
