import { asc, eq } from 'drizzle-orm'
import type { ServicesResponse } from '@carecircle/shared'
import type { Db } from '../db/client'
import { services } from '../db/schema'

/** The active menu in display order. */
export async function listServices(db: Db): Promise<ServicesResponse> {
  const rows = await db.select().from(services).where(eq(services.active, true)).orderBy(asc(services.sortOrder), asc(services.id))
  return {
    services: rows.map((s) => ({
      id: s.id, code: s.code, name: s.name, category: s.category, unit: s.unit, durationMinutes: s.durationMinutes, hoursKind: s.hoursKind, description: s.description,
    })),
  }
}
