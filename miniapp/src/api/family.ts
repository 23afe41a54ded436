import {
  ZBinding, ZBindingsResponse, ZElderSearchResponse, ZElderSummary, ZInvitation, ZLiveInvitationResponse, ZRevokeBindingResponse,
  ZVisitRecord, ZVisitsResponse,
  type BindRequest, type CreateElderProfileRequest, type ElderStatus,
} from '@carecircle/shared'
import { z } from 'zod'
import { request } from './http'

/** A new code, only when asked for: it retires the live one. The elder invites for themself (no elderId); staff or a supervisor helping in person name the elder. */
export const createInvitation = (elderId?: number) =>
  request(ZInvitation, 'POST', '/api/family/invitations', elderId ? { elderId } : {})
/** The code already made and still usable (null when used, expired or never made): what 邀请家人 shows on opening. */
export const fetchLiveInvitation = (elderId?: number) =>
  request(ZLiveInvitationResponse, 'GET', '/api/family/invitations/live', undefined, { query: { elderId } })
/** A relative redeems the elder's 6-digit code. */
export const bindWithCode = (body: BindRequest) => request(ZBinding, 'POST', '/api/family/bindings', body)
/** Both sides: the elder sees who may book for them, the relative sees their parents with the next visit. */
export const fetchBindings = () => request(ZBindingsResponse, 'GET', '/api/family/bindings')
export const revokeBinding = (id: number) =>
  request(ZRevokeBindingResponse, 'DELETE', `/api/family/bindings/${encodeURIComponent(String(id))}`)

/** A relative creates the profile of a parent without WeChat; it is pending until staff see the elder. */
export const createElderProfile = (body: CreateElderProfileRequest) => request(ZElderSummary, 'POST', '/api/family/elders', body)

/** Staff and supervisors: find an elder by name or the phone's last 4 digits, or list profiles waiting to be confirmed; newest first, a page at a time. */
export const searchElders = (query: { q?: string; status?: ElderStatus; cursor?: string }) =>
  request(ZElderSearchResponse, 'GET', '/api/elders', undefined, { query })
/** Answers with the elder; the page needs only that it worked, so only the id is checked. */
export const confirmElder = (id: number) => request(z.looseObject({ id: z.number().int() }), 'POST', `/api/elders/${id}/confirm`, {})

/** A month of completed visits (YYYY-MM), as proof of service. */
export const fetchVisits = (elderId: number, month?: string) =>
  request(ZVisitsResponse, 'GET', `/api/elders/${elderId}/visits`, undefined, { query: { month } })
export const fetchVisitRecord = (orderId: number | string) =>
  request(ZVisitRecord, 'GET', `/api/orders/${encodeURIComponent(String(orderId))}/visit-record`)
