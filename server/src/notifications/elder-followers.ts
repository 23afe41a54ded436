import { sql, type SQL } from 'drizzle-orm'
import type { Db } from '../db/client'
import type { Tx } from '../db/tx'
import type { Notice } from './notify'

/** Who hears about an elder: the elder's own login (if any) and every relative bound now. */
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

export async function readRecipients(tx: Pick<Tx | Db, 'execute'>, elderId: number): Promise<Recipient[]> {
  const [rows] = (await tx.execute(withParams(RECIPIENTS_SQL, [elderId, elderId]))) as unknown as [{ userId: number; isElder: number | string }[]]
  return toRecipients(rows)
}

/** Rows of RECIPIENTS_SQL as recipients (the driver may give the flag as a number or a string). */
export function toRecipients(rows: { userId: number; isElder: number | string }[]): Recipient[] {
  return rows.map((r) => ({ userId: Number(r.userId), isElder: Number(r.isElder) === 1 }))
}

/** The user ids who may follow an elder now (the elder's own login and the relatives bound now), once each. */
export async function elderFollowers(db: Db | Tx, elderId: number): Promise<number[]> {
  return [...new Set((await readRecipients(db, elderId)).map((r) => r.userId))]
}

/**
 * A notice about an elder for everyone who hears about them, once each, in their own words: the elder reads
 * "您的…", a relative reads the elder's name (`words` gets who it is about: '您' or the name).
 */
export async function noticesAboutElder(db: Db | Tx, elder: { id: number; name: string }, title: string, words: (who: string) => string): Promise<Notice[]> {
  const told = new Set<number>()
  const out: Notice[] = []
  // The elder's own row comes first, so someone who is both hears it as the elder.
  for (const r of [...(await readRecipients(db, elder.id))].sort((a, b) => Number(b.isElder) - Number(a.isElder))) {
    if (told.has(r.userId)) continue
    told.add(r.userId)
    out.push({ userId: r.userId, entity: 'elder', entityId: elder.id, title, body: words(r.isElder ? '您' : elder.name) })
  }
  return out
}

/** `?` placeholders bound as drizzle parameters (never spliced into the text). */
function withParams(text: string, params: unknown[]): SQL {
  const parts = text.split('?')
  return sql.join(parts.map((p, i) => (i < params.length ? sql`${sql.raw(p)}${params[i]}` : sql.raw(p))))
}
