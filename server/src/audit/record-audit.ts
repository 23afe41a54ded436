import type { Tx } from '../db/tx'
import type { Db } from '../db/client'
import { auditLog } from '../db/schema'

/**
 * One audit row, written in the same transaction as the change it records (or alone, for a refusal that changes
 * nothing). `detail` never holds personal data.
 */
export function recordAudit(tx: Tx | Db, e: { actorUserId: number; action: string; entity: string; entityId: number; detail?: Record<string, unknown>; at: Date }) {
  return tx.insert(auditLog).values({ actorUserId: e.actorUserId, action: e.action, entity: e.entity, entityId: e.entityId, detail: e.detail ?? null, at: e.at })
}
