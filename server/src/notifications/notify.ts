import type { NoticeEntity } from '@carecircle/shared'
import type { Tx } from '../db/tx'
import { notifications } from '../db/schema'

/** One in-app message to one user. Written in the same transaction as the step it reports. */
export interface Notice {
  userId: number
  entity: NoticeEntity
  entityId: number
  title: string
  body: string
}

/**
 * Records the notices with the change they report (so a step is never told without having happened, nor
 * happen untold) and returns them for the push channels to send after commit.
 */
export async function recordNotices(tx: Tx, notices: Notice[], now: Date): Promise<Notice[]> {
  const unique = dedupe(notices)
  if (unique.length) await tx.insert(notifications).values(unique.map((n) => ({ ...n, createdAt: now, updatedAt: now })))
  return unique
}

/** A user who is both complainant and bound family hears about a step once. */
function dedupe(notices: Notice[]): Notice[] {
  const seen = new Set<string>()
  return notices.filter((n) => {
    const k = `${n.userId}|${n.entity}|${n.entityId}|${n.title}`
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}
