import Taro from '@tarojs/taro'
import type { Role } from '@carecircle/shared'
import { getToken } from '../auth/session'

export const ROUTES = {
  home: '/pages/home/index',
  services: '/pages/services/index',
  stations: '/pages/stations/index',
  priceBoard: '/pages/price-board/index',
  bookTime: '/pages/book/time/index',
  bookConfirm: '/pages/book/confirm/index',
  orders: '/pages/orders/index',
  orderDetail: '/pages/orders/detail/index',
  mine: '/pages/mine/index',
  login: '/pages/login/index',
  staffOrders: '/pages-staff/orders/index',
  supervisorUnassigned: '/pages-supervisor/unassigned/index',
  complaintNew: '/pages/complaints/new/index',
  complaints: '/pages/complaints/index',
  complaintDetail: '/pages/complaints/detail/index',
  messages: '/pages/messages/index',
  honourBoard: '/pages/honour-board/index',
  supervisorMore: '/pages-supervisor/more/index',
  supervisorStations: '/pages-supervisor/stations/index',
  supervisorInspections: '/pages-supervisor/inspections/index',
  supervisorCharges: '/pages-supervisor/charges/index',
  supervisorFigures: '/pages-supervisor/figures/index',
  // 关爱地图、关爱巡访 (issue 11).
  supervisorCareMap: '/pages-supervisor/care-map/index',
  supervisorCarePlans: '/pages-supervisor/care-plans/index',
  supervisorCarePlanNew: '/pages-supervisor/care-plans/new/index',
  supervisorRoundCoverage: '/pages-supervisor/care-rounds/index',
  staffRounds: '/pages-staff/rounds/index',
  staffComplaints: '/pages-staff/complaints/index',
  staffComplaintDetail: '/pages-staff/complaints/detail/index',
  supervisorComplaints: '/pages-supervisor/complaints/index',
  supervisorComplaintDetail: '/pages-supervisor/complaints/detail/index',
  family: '/pages/family/index',
  familyBind: '/pages/family/bind/index',
  familyInvite: '/pages/family/invite/index',
  familyNewElder: '/pages/family/new-elder/index',
  visits: '/pages/visits/index',
  visitRecord: '/pages/visits/record/index',
  staffPhoneOrder: '/pages-staff/phone-order/index',
  staffPendingElders: '/pages-staff/pending-elders/index',
  priceCompare: '/pages/price-compare/index',
  subsidy: '/pages/subsidy/index',
  staffPrices: '/pages-staff/prices/index',
  supervisorElders: '/pages-supervisor/elders/index',
  supervisorSubsidy: '/pages-supervisor/subsidy/index',
} as const

/** Where a role reads one complaint: residents in the main package, stations and supervisors in their subpackages. */
export function complaintDetailUrl(role: Role | undefined, id: number): string {
  const path =
    role === 'staff' || role === 'station_admin' ? ROUTES.staffComplaintDetail : role === 'supervisor' ? ROUTES.supervisorComplaintDetail : ROUTES.complaintDetail
  return withQuery(path, { id })
}

export function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
  return parts.length ? `${path}?${parts.join('&')}` : path
}

/** Open a page on top; WeChat keeps at most 10, so past that replace the current one instead. */
export function go(url: string): void {
  if (Taro.getCurrentPages().length >= 9) Taro.redirectTo({ url })
  else Taro.navigateTo({ url })
}

/** Top-level places (bottom nav, after login): start a fresh stack. */
export function goTop(url: string): void {
  Taro.reLaunch({ url })
}

export function back(fallback: string = ROUTES.home): void {
  if (Taro.getCurrentPages().length > 1) Taro.navigateBack()
  else Taro.redirectTo({ url: fallback })
}

/** Where each role starts after logging in. */
export function homeFor(role: Role): string {
  if (role === 'staff' || role === 'station_admin') return ROUTES.staffOrders
  if (role === 'supervisor') return ROUTES.supervisorUnassigned
  return ROUTES.home
}

/** Read a page parameter: weapp hands them over still URL-encoded, H5 already decoded. */
export function readParam(params: Record<string, string | undefined>, name: string): string {
  let v = params[name] ?? ''
  if (/%[0-9A-Fa-f]{2}/.test(v)) {
    try {
      v = decodeURIComponent(v)
    } catch {
      // keep as is
    }
  }
  return v
}

/** The login page, told where to come back to and why the person was sent there. */
export function loginUrl(from?: string, reason?: string): string {
  return withQuery(ROUTES.login, { from, reason })
}

/** For pages that need a login: sends the person to log in (with a plain reason) and returns false. */
export function ensureLoggedIn(from: string, reason = '请先登录，登录后才能预约服务、查看订单。'): boolean {
  if (getToken()) return true
  Taro.redirectTo({ url: loginUrl(from, reason) })
  return false
}
