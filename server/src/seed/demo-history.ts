import type { HoursKind, Tier } from '@carecircle/shared'
import type * as t from '../db/schema'
import { priceOrder } from '../pricing/price-order'
import { weekStartOf } from '../pricing/hours-policy'
import { assessCircle } from '../stations/service-circle'
import { MENU } from './menu'
import { adjustFen, prng, type DemoElder, type DemoStation } from './demo-data'

/** The demo's past month: every visit done, so the supervisor's figures and reconciliation have something to show. */
export const HISTORY_MONTH = '2026-11'
const WORK_NOTES: Record<string, string> = {
  CLEANING: '打扫了客厅、卧室和厨房，倒了垃圾',
  LAUNDRY: '洗了床单被套和换下的衣服，已晾好',
  MEDICAL_ESCORT: '陪同到医院挂号、看病、取药，已送回家',
  HEALTH_CHECK: '量了血压和血糖，都在正常范围，提醒按时吃药',
  MOBILITY: '陪老人到楼下散步半小时，上下楼搀扶',
  ERRAND: '代买了蔬菜、鸡蛋和常用药，小票已交给老人',
  GROOMING: '理了发，修剪了手指甲和脚指甲',
  COMPANION: '陪老人聊天、读报，老人心情不错',
}
const SERVICES = Object.keys(WORK_NOTES)

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert']
export interface DemoHistory {
  orders: Row<typeof t.orders>[]
  events: Row<typeof t.orderEvents>[]
  balances: (Row<typeof t.hoursBalances> & { id: number })[]
  ledger: Row<typeof t.hoursLedger>[]
}

/** Version ids as seed-demo.ts publishes them: station 1 has 2025 (1), 2026 (2), 2027 (3); every other one 2026 only. */
const versionOf2026 = (stationId: number) => (stationId === 1 ? 2 : stationId + 2)
const staffOf = (stationId: number) => 1000 + stationId * 10 + 1
const minutes = (n: number) => n * 60_000

/**
 * About one visit in November 2026 for most generated elders inside a circle (never the README's named four, so
 * their screens stay as the README says): routed to the nearest covering station that offers it, priced from that
 * station's 2026 board by the elder's verified tier, purchased minutes used and recorded in the ledger (a grant row
 * per week, a use row per visit), checked in and out by the station's worker, a few charged ¥10 more than quoted.
 * Pure and deterministic: the rows to insert.
 */
export function demoHistory(stations: DemoStation[], elders: DemoElder[]): DemoHistory {
  const rnd = prng(1111)
  const out: DemoHistory = { orders: [], events: [], balances: [], ledger: [] }
  const balances = new Map<string, DemoHistory['balances'][number]>()
  let overcharged = 0
  for (const e of elders.filter((x) => x.id > 4)) {
    const covering = stations
      .map((s) => ({ s, v: assessCircle({ ...s, detourPermille: 1300, circlePolygon: null }, e) }))
      .filter((c) => c.v.withinCircle)
      .sort((a, b) => a.v.travelMinutes - b.v.travelMinutes || a.s.id - b.s.id)
    if (covering.length === 0 || rnd() < 0.2) continue
    const visits = 1 + Math.floor(rnd() * 3)
    for (let k = 0; k < visits; k++) {
      const code = SERVICES[Math.floor(rnd() * SERVICES.length)]
      const chosen = covering.find((c) => c.s.offers.includes(code))
      if (!chosen) continue
      const serviceId = MENU.findIndex((m) => m.code === code) + 1
      const m = MENU[serviceId - 1]
      const day = 2 + k * 9 + Math.floor(rnd() * 8) // visits of one elder on different weeks
      const hour = [9, 10, 14, 15][Math.floor(rnd() * 4)]
      const slotStart = new Date(`2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+08:00`)
      const usesHours = m.hoursKind !== null && e.tier !== 'paid' && e.verified
      const balance = usesHours ? weekBalance(balances, out, e.id, slotStart, m.hoursKind!, e.tier) : null
      const item = { paidFen: adjustFen(m.paidFen, chosen.s.priceFactor), lowFen: adjustFen(m.lowFen, chosen.s.priceFactor), freeFen: adjustFen(m.freeFen, chosen.s.priceFactor) }
      const price = priceOrder({
        tier: e.tier, tierVerified: e.verified, priceVersionId: versionOf2026(chosen.s.id), item, durationMinutes: m.durationMinutes,
        hoursKind: m.hoursKind, hoursRemainingMinutes: balance ? balance.grantedMinutes - balance.usedMinutes! : 0, person: { elderName: e.name, callerIsElder: false },
        // Booked by phone in the week of the visit.
        weeks: { visit: weekStartOf(slotStart), today: weekStartOf(slotStart) },
      })
      const id = out.orders.length + 1
      const checkInAt = new Date(slotStart.getTime() + minutes(Math.floor(rnd() * 10)))
      const served = m.durationMinutes - Math.floor(rnd() * 6)
      const checkOutAt = new Date(checkInAt.getTime() + minutes(served))
      const overcharge = price.payableFen > 0 && overcharged < 4 && rnd() < 0.1
      if (overcharge) overcharged++
      const chargedFen = price.payableFen + (overcharge ? 1000 : 0)
      const worker = staffOf(chosen.s.id)
      const used = Math.min(price.hoursUsedMinutes, served)
      out.orders.push({
        id, elderId: e.id, serviceId, stationId: chosen.s.id, bookedBy: worker, placedByRole: 'staff', channel: 'phone', status: 'completed', slotStart,
        priceVersionId: price.priceVersionId, tier: price.tier, listPriceFen: price.listPriceFen, tierPriceFen: price.tierPriceFen, subsidyFen: price.subsidyFen,
        payableFen: price.payableFen, hoursKind: m.hoursKind, hoursUsedMinutes: used, priceExplanation: price.explanation, routeExplanation: chosen.v.explanation,
        distanceMeters: chosen.v.distanceMeters, travelMinutes: chosen.v.travelMinutes, declinedStationIds: [], note: null, chargedFen,
        chargeFlag: overcharge ? 'overcharge' : null, actualMinutes: served, checkInAt, checkOutAt, checkedInBy: worker, checkedOutBy: worker,
        checkInDistanceMeters: 10 + Math.floor(rnd() * 40), clockedMinutes: served, workNote: WORK_NOTES[code], createdAt: new Date(slotStart.getTime() - 86_400_000), updatedAt: checkOutAt,
      })
      const step = (from: Row<typeof t.orderEvents>['fromStatus'], to: NonNullable<Row<typeof t.orderEvents>['toStatus']>, atMs: number, role: 'staff' = 'staff', reason: string | null = null) =>
        out.events.push({ orderId: id, actorUserId: worker, actorRole: role, fromStatus: from, toStatus: to, stationId: chosen.s.id, reason, at: new Date(atMs) })
      const booked = slotStart.getTime() - 86_400_000
      step(null, 'created', booked)
      step('created', 'assigned', booked, 'staff', chosen.v.explanation.replace(/^[^，]+，/, ''))
      step('assigned', 'accepted', booked + minutes(20))
      step('accepted', 'in_service', checkInAt.getTime())
      step('in_service', 'completed', checkOutAt.getTime(), 'staff', `服务 ${served} 分钟`)
      if (balance && used > 0) {
        balance.usedMinutes! += used
        out.ledger.push({ balanceId: balance.id, movement: 'use', orderId: id, deltaMinutes: -used, reason: '预约使用', at: new Date(booked) })
      }
    }
  }
  return out
}

/** The week's balance of one kind, granted (with its ledger row) on first use. */
function weekBalance(map: Map<string, DemoHistory['balances'][number]>, out: DemoHistory, elderId: number, at: Date, kind: HoursKind, tier: Tier) {
  const weekStart = weekStartOf(at)
  const key = `${elderId}|${weekStart}|${kind}`
  let b = map.get(key)
  if (!b) {
    const granted = tier === 'paid' ? 0 : kind === 'housekeeping' ? 180 : 60
    b = { id: out.balances.length + 1, elderId, weekStart, kind, grantedMinutes: granted, usedMinutes: 0 }
    map.set(key, b)
    out.balances.push(b)
    out.ledger.push({ balanceId: b.id, movement: 'grant', orderId: null, deltaMinutes: granted, reason: '每周发放', at: new Date(`${weekStart}T00:00:00+08:00`) })
  }
  return b
}
