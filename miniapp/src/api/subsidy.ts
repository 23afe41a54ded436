import {
  ZElderTier, ZHoursResponse, ZPriceBoard, ZPriceComparison, ZPriceVersion, ZPriceVersionList, ZSubsidyReport,
  type HoursAdjustRequest, type PriceVersionRequest, type SetTierRequest, type WeeklyGrantRequest,
} from '@carecircle/shared'
import { request } from './http'

/** 我的补贴: the tier and why, this week's minutes per kind and every movement (elder, bound family, supervisor). */
export const fetchHours = (elderId: number, week?: string) =>
  request(ZHoursResponse, 'GET', `/api/elders/${elderId}/hours`, undefined, { query: { week } })
/** Supervisor only: the verified tier, its category, the reason and an optional expiry. */
export const setTier = (elderId: number, body: SetTierRequest) => request(ZElderTier, 'PUT', `/api/elders/${elderId}/tier`, body)
export const adjustHours = (elderId: number, body: HoursAdjustRequest) =>
  request(ZHoursResponse, 'POST', `/api/elders/${elderId}/hours/adjustments`, body)
export const setWeeklyGrant = (elderId: number, body: WeeklyGrantRequest) =>
  request(ZHoursResponse, 'PUT', `/api/elders/${elderId}/hours/weekly-grant`, body)
/** 与附近驿站比价: one service at every station whose circle covers the elder's home, cheapest for them first. */
export const fetchPriceComparison = (elderId: number, serviceId: number) =>
  request(ZPriceComparison, 'GET', `/api/elders/${elderId}/price-comparison`, undefined, { query: { serviceId } })

/** The board with every published version (历次公示), newest first. */
export const fetchPriceBoardHistory = (stationId: number | string) =>
  request(ZPriceBoard, 'GET', `/api/stations/${encodeURIComponent(String(stationId))}/price-board`, undefined, { query: { history: '1' } })
/** A station admin sees their drafts here too. */
export const fetchPriceVersions = (stationId: number) => request(ZPriceVersionList, 'GET', `/api/stations/${stationId}/price-versions`)
export const createPriceVersion = (stationId: number, body: PriceVersionRequest) =>
  request(ZPriceVersion, 'POST', `/api/stations/${stationId}/price-versions`, body)
export const updatePriceDraft = (stationId: number, versionId: number, body: Omit<PriceVersionRequest, 'draft' | 'confirmWaiting'>) =>
  request(ZPriceVersion, 'PUT', `/api/stations/${stationId}/price-versions/${versionId}`, body)
/** `confirmWaiting`: the ids of the waiting versions the admin was shown (409 WAITING_VERSIONS) and publishes before. */
export const publishPriceDraft = (stationId: number, versionId: number, effectiveFrom: string, confirmWaiting?: number[]) =>
  request(ZPriceVersion, 'POST', `/api/stations/${stationId}/price-versions/${versionId}/publish`, { effectiveFrom, ...(confirmWaiting ? { confirmWaiting } : {}) })

/** 月度补贴对账 (supervisor). The CSV goes through ../lib/download-csv: it needs the login header too. */
export const fetchSubsidyReport = (month: string) => request(ZSubsidyReport, 'GET', '/api/reports/subsidy', undefined, { query: { month } })
