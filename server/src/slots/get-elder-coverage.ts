import type { ElderCoverage } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { elderFor } from '../access/elder-access'
import { circleOf } from '../routing/load-candidates'
import { outsideCircleOf } from './outside-circle'

/** Whether any station can come to this elder's home at all (any service, any day): the service menu says so up front. */
export async function getElderCoverage(deps: Pick<AppDeps, 'database' | 'stationIndex'>, auth: Auth, elderId: number): Promise<ElderCoverage> {
  const elder = await elderFor(deps, auth, elderId, 'read')
  const outsideCircle = outsideCircleOf(circleOf(await deps.stationIndex.get(), { lat: elder.homeLat, lng: elder.homeLng }))
  return { elderId: elder.id, withinCircle: outsideCircle === null, outsideCircle }
}
