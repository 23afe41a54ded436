import { eq, and, isNull } from 'drizzle-orm'
import type { ElderSummary, EmergencyContact, MeResponse } from '@carecircle/shared'
import type { Db } from '../db/client'
import { users, elders, familyLinks } from '../db/schema'
import { AppError } from '../errors'
import type { Auth } from './token'
import { toUserDto } from './login'
import { eldersActedFor } from '../access/elder-access'

type ElderRow = typeof elders.$inferSelect

export function toElderSummary(e: ElderRow): ElderSummary {
  return {
    id: e.id,
    name: e.name,
    status: e.status,
    tier: e.tier,
    tierVerified: e.tierVerifiedAt !== null,
    home: { lat: e.homeLat, lng: e.homeLng, address: e.address },
  }
}

export async function getMe(db: Db, auth: Auth): Promise<MeResponse> {
  const [u] = await db.select().from(users).where(eq(users.id, auth.userId)).limit(1)
  if (!u || u.disabledAt) throw new AppError(401, 'UNAUTHENTICATED', '账号不存在或已停用，请重新登录')
  const list = await eldersActedFor(db, auth)
  return { user: toUserDto(u), elders: list.map(toElderSummary), emergencyContacts: await emergencyContacts(db, auth, list) }
}

/** The phones a person may need in an emergency: they are the people these phones belong to told about. */
async function emergencyContacts(db: Db, auth: Auth, actedFor: ElderRow[]): Promise<EmergencyContact[]> {
  if (auth.role === 'family') return actedFor.filter((e) => e.phone).map((e) => ({ name: e.name, relation: '家人', phone: e.phone! }))
  if (auth.role !== 'elder' || actedFor.length === 0) return []
  const rows = await db
    .select({ name: users.name, phone: users.phone, relation: familyLinks.relation })
    .from(familyLinks)
    .innerJoin(users, eq(users.id, familyLinks.familyUserId))
    .where(and(eq(familyLinks.elderId, actedFor[0].id), isNull(familyLinks.revokedAt)))
  return rows.filter((r) => r.phone).map((r) => ({ name: r.name, relation: r.relation, phone: r.phone! }))
}
