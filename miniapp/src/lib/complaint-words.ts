import type { Complaint, Role } from '@carecircle/shared'
import { businessDate, formatDateCn, formatTime } from './time'

export type BadgeTone = 'ok' | 'warn' | 'bad' | 'info'

/** The tone of a status; the words always come with it (statusLabel), the colour only repeats them. */
export function statusTone(c: Pick<Complaint, 'status' | 'overdue'>): BadgeTone {
  if (c.overdue) return 'bad'
  if (c.status === 'resolved' || c.status === 'closed') return 'ok'
  if (c.status === 'reopened' || c.status === 'escalated') return 'warn'
  return 'info'
}

/** "今天 18:00" / "明天 09:00" / "12月3日 09:00", in Shanghai time. */
export function dueText(iso: string, now: number = Date.now()): string {
  const day = businessDate(0, Date.parse(iso))
  const when = day === businessDate(0, now) ? '今天' : day === businessDate(1, now) ? '明天' : formatDateCn(iso).replace(/^\d{4}年/, '')
  return `${when} ${formatTime(iso)}`
}

/**
 * The station's deadline as a badge in words: "今天 18:00 前受理", "12月3日 09:00 前办结", "已超时：应在 … 前受理".
 * Null when the station has nothing running (answered, with the supervisor, or closed).
 */
export function stationDeadlineBadge(c: Pick<Complaint, 'status' | 'overdue' | 'ackDueAt' | 'resolveDueAt'>, now: number = Date.now()): { text: string; tone: BadgeTone } | null {
  const running = c.status === 'submitted' ? { due: c.ackDueAt, verb: '受理' } : c.status === 'acknowledged' ? { due: c.resolveDueAt, verb: '办结' } : null
  if (!running) return null
  const text = `${dueText(running.due, now)} 前${running.verb}`
  if (c.overdue || Date.parse(running.due) <= now) return { text: `已超时：应在${text}`, tone: 'bad' }
  return { text, tone: Date.parse(running.due) - now < 24 * 3600_000 ? 'warn' : 'info' }
}

/**
 * The status words the station and the supervisor read, declared once: `filter` labels the 按进展看 button and
 * starts the card's status line (`card`), so a card always says which filter lists it. The server's own labels
 * speak to the complainant ("请您确认"); only the 督办中 ones speak of 督办 (a reopened one waits for the
 * supervisor's decision, but is listed under 重新投诉). Filter words fit a half-width button at 320 px.
 */
export const STATUS_FOR_OTHERS: readonly { status: Complaint['status']; filter: string; card: string }[] = [
  { status: 'submitted', filter: '等驿站受理', card: '等驿站受理' },
  { status: 'acknowledged', filter: '驿站处理中', card: '驿站处理中：已受理' },
  { status: 'escalated', filter: '督办中', card: '督办中：民政部门正在督办' },
  { status: 'reopened', filter: '重新投诉', card: '重新投诉：投诉人不满意，等民政部门决定' },
  { status: 'resolved', filter: '已答复', card: '已答复，等投诉人确认' },
  { status: 'closed', filter: '已结束', card: '已结束' },
]

const isComplainant = (viewer: Role) => viewer === 'elder' || viewer === 'family'

export function statusWords(c: Pick<Complaint, 'status' | 'statusLabel'>, viewer: Role): string {
  return isComplainant(viewer) ? c.statusLabel : (STATUS_FOR_OTHERS.find((s) => s.status === c.status)?.card ?? c.statusLabel)
}

export function deadlineWords(c: Pick<Complaint, 'nextDeadline'>, viewer: Role): string | null {
  if (!c.nextDeadline || isComplainant(viewer)) return c.nextDeadline
  return c.nextDeadline.replace(/^如不满意，可在/, '投诉人如不满意，可在')
}

/** The latest answer on the complaint (the station's, or the supervisor's decision), for the top of the page. */
export function latestAnswer(c: Pick<Complaint, 'status' | 'events'>): { who: string; message: string } | null {
  if (c.status !== 'resolved' && c.status !== 'closed') return null
  const ev = [...(c.events ?? [])].reverse().find((e) => e.toStatus === 'resolved' && e.message)
  if (!ev?.message) return null
  return { who: ev.actor === '民政部门' ? '民政部门的督办决定' : `${ev.actor}的答复`, message: ev.message }
}
