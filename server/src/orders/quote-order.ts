import { toBusinessIso, type QuoteRequest, type QuoteResponse } from '@carecircle/shared'
import type { AppDeps } from '../app'
import type { Auth } from '../auth/token'
import { planBooking, toRouteDecision } from './plan-booking'

/** 报价: which station would come and why, and what the elder pays and why — nothing is written. */
export async function quoteOrder(deps: AppDeps, auth: Auth, req: QuoteRequest): Promise<QuoteResponse> {
  const plan = await planBooking(deps, auth, req)
  return {
    elderId: plan.elder.id,
    service: { id: plan.service.id, name: plan.service.name, unit: plan.service.unit, durationMinutes: plan.service.durationMinutes },
    slotStart: toBusinessIso(plan.slotStart),
    route: toRouteDecision(plan.winner, plan.ranked),
    price: plan.price,
  }
}
