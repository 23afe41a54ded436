import { isNull } from 'drizzle-orm'
import type { AppDeps } from '../app'
import { careRoundPlans } from '../db/schema'
import { fetchPlans } from './round-view'

/** Every plan in force (the district has a few hundred elders at most needing rounds: read whole, bounded). */
export async function listCarePlans(deps: Pick<AppDeps, 'database'>) {
  return { plans: await fetchPlans(deps.database.db, isNull(careRoundPlans.endedAt), 5_000) }
}
