import {
  ZCareMapResponse, ZCarePlan, ZCarePlansResponse, ZCareRound, ZCareRoundsResponse, ZCoverageResponse, ZElderRoundsResponse,
  ZRoundCoverageResponse, ZWhatIfResponse,
  type ZCarePlanRequest, type RoundOutcomeRequest, type RoundStatus, type StationKind,
} from '@carecircle/shared'
import type { z } from 'zod'
import { request } from './http'

// 关爱地图 (supervisor): figures, the map (cells and circles, never a home) and the what-if tool (nothing is saved).
export const fetchCareCoverage = () => request(ZCoverageResponse, 'GET', '/api/care-map/coverage')
export const fetchCareMap = () => request(ZCareMapResponse, 'GET', '/api/care-map/map')
/** No point: only the best single point the server computes. */
export const tryCarePlacement = (kind: StationKind, point?: { lat: number; lng: number }) =>
  request(ZWhatIfResponse, 'POST', '/api/care-map/what-if', point ? { kind, point } : { kind })

// 关爱巡访 plans (supervisor).
/** Plans in force, a page at a time (`cursor` from the previous page). */
export const fetchCarePlans = (cursor?: string) => request(ZCarePlansResponse, 'GET', '/api/care-round-plans', undefined, { query: { cursor } })
export const createCarePlan = (body: z.input<typeof ZCarePlanRequest>) => request(ZCarePlan, 'POST', '/api/care-round-plans', body)
export const endCarePlan = (id: number, reason: string) => request(ZCarePlan, 'POST', `/api/care-round-plans/${id}/end`, { reason })

/** Staff: their station's rounds; a supervisor: the rounds of elders no circle covers. Open ones by due time. */
export const fetchCareRounds = (query: { status?: RoundStatus; cursor?: string } = {}) =>
  request(ZCareRoundsResponse, 'GET', '/api/care-rounds', undefined, { query })
export const recordRoundOutcome = (id: number, body: RoundOutcomeRequest) => request(ZCareRound, 'POST', `/api/care-rounds/${id}/outcome`, body)
export const fetchMissedRounds = (cursor?: string) => request(ZCareRoundsResponse, 'GET', '/api/care-rounds/missed', undefined, { query: { cursor } })
export const fetchRoundCoverage = (month?: string) => request(ZRoundCoverageResponse, 'GET', '/api/care-rounds/coverage', undefined, { query: { month } })
/** An elder's rounds of a month (YYYY-MM): the elder, bound family, covering staff, supervisors. */
export const fetchElderRounds = (elderId: number, month?: string) =>
  request(ZElderRoundsResponse, 'GET', `/api/elders/${elderId}/rounds`, undefined, { query: { month } })
