import type { Complaint } from '@carecircle/shared'
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
