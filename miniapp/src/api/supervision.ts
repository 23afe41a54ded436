import {
  ZHonourBoard, ZInspectionDraw, ZOrder, ZOrdersResponse, ZStationFiguresResponse, ZStationSupervision,
  type InspectionResult, type RateOrderRequest,
} from '@carecircle/shared'
import { request } from './http'

/** 星级评定: 201 the first time, 200 when changed within 7 days, 409 after. Answers with the order. */
export const rateOrder = (orderId: number, body: RateOrderRequest) => request(ZOrder, 'POST', `/api/orders/${orderId}/rating`, body)

/** 红黑榜: public, no login. */
export const fetchHonourBoard = () => request(ZHonourBoard, 'GET', '/api/honour-board')

export const suspendStation = (stationId: number, body: { reason: string; reroute: boolean }) =>
  request(ZStationSupervision, 'POST', `/api/stations/${stationId}/suspend`, body)
export const reinstateStation = (stationId: number, body: { reason?: string } = {}) =>
  request(ZStationSupervision, 'POST', `/api/stations/${stationId}/reinstate`, body)

/** 双随机抽查: draw `count` active stations; the same seed over the same stations draws the same ones. */
export const drawInspections = (body: { count: number; seed?: string }) => request(ZInspectionDraw, 'POST', '/api/inspection-draws', body)
export const fetchInspectionDraw = (id: number | string) => request(ZInspectionDraw, 'GET', `/api/inspection-draws/${encodeURIComponent(String(id))}`)
/** Answers with the whole draw, this result in it. */
export const recordInspection = (inspectionId: number, body: { result: InspectionResult; notes: string }) =>
  request(ZInspectionDraw, 'POST', `/api/inspections/${inspectionId}/result`, body)

/** 收费异常: orders whose amount collected differed from the quote, a page at a time. */
export const fetchChargeFlagged = (cursor?: string) =>
  request(ZOrdersResponse, 'GET', '/api/orders', undefined, { query: { chargeFlag: 'any', cursor } })

/** 驿站考评: per-station figures for a period (YYYY-MM-DD, both days included). */
export const fetchStationFigures = (from: string, to: string) =>
  request(ZStationFiguresResponse, 'GET', '/api/reports/stations', undefined, { query: { from, to } })
