import { sql } from 'drizzle-orm'
import { businessDate } from '@carecircle/shared'
import type { Db } from '../db/client'
import * as t from '../db/schema'
import { MENU } from './menu'
import { OPERATORS, adjustFen, demoCarePlans, demoElders, demoPendingProfile, demoStations, stationPeople } from './demo-data'
import { demoHistory } from './demo-history'
import { dueAtOn } from '../care-rounds/round-schedule'

const SEEDED_AT = new Date('2025-12-20T02:00:00Z')
const at = (iso: string) => new Date(iso)
const pad = (n: number, w = 4) => String(n).padStart(w, '0')

/** Phones of the README's demo accounts; staff are 13700000SSK (station SS, worker K), admins 136000000SS (the README says the same; readme-accounts.test.ts checks it). */
export const DEMO_PHONES = {
  elderFree: '13800000001',
  elderLow: '13800000002',
  elderPaid: '13800000003',
  elderOutside: '13800000004',
  family: '13900000001',
  familyUnbound: '13900000002',
  familyPending: '13900000003',
  staffStation1: '13700000011',
  staffStation2: '13700000021',
  adminStation1: '13600000001',
  supervisor: '13500000001',
} as const

export const staffPhone = (stationId: number, k: number) => `1370000${pad(stationId * 10 + k)}`
export const adminPhone = (stationId: number) => `1360000${pad(stationId)}`

/** Seeds the demo district once: does nothing if the menu is already there. Returns whether it seeded. */
export async function seedDemo(db: Db, opts: { elders?: number; history?: boolean; now?: Date } = {}): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [{ n }] = await tx.select({ n: sql<number>`COUNT(*)` }).from(t.services).for('update')
    if (Number(n) > 0) return false
    const stations = demoStations()
    const elders = demoElders(stations, opts.elders ?? 300)

    await tx.insert(t.operators).values(OPERATORS.map((o) => ({ ...o, createdAt: SEEDED_AT })))
    // No ratings yet: a station's stars come only from residents' ratings (暂无评分 until there are 5).
    await tx.insert(t.stations).values(stations.map(({ offers, priceFactor, ratingTenths, ...s }) => ({ ...s, ratingTenths: 0, ratingCount: 0, circlePolygon: null, detourPermille: 1300, status: 'active' as const })))
    await tx.insert(t.services).values(MENU.map((m, i) => ({ id: i + 1, code: m.code, name: m.name, category: m.category, unit: m.unit, durationMinutes: m.durationMinutes, hoursKind: m.hoursKind, description: m.description, sortOrder: i + 1 })))

    // Users: supervisor, then per station one admin and two staff, then elders with phones and family.
    const userRows: (typeof t.users.$inferInsert)[] = [{ id: 1, role: 'supervisor', name: '江阳区民政局 刘科长', phone: DEMO_PHONES.supervisor }]
    for (const s of stations) {
      const people = stationPeople(s.id)
      userRows.push({ id: 100 + s.id, role: 'station_admin', name: people.admin, phone: adminPhone(s.id), stationId: s.id })
      for (const k of [1, 2] as const) userRows.push({ id: 1000 + s.id * 10 + k, role: 'staff', name: people.staff[k - 1]!, phone: staffPhone(s.id, k), stationId: s.id })
    }
    const withPhone = elders.filter((e) => e.phone)
    withPhone.forEach((e) => userRows.push({ id: 5000 + e.id, role: 'elder', name: e.name, phone: e.phone }))
    userRows.push({ id: 9001, role: 'family', name: '王丽（王秀英的女儿）', phone: DEMO_PHONES.family })
    userRows.push({ id: 9002, role: 'family', name: '赵强', phone: DEMO_PHONES.familyUnbound })
    userRows.push({ id: 9003, role: 'family', name: '孙梅', phone: DEMO_PHONES.familyPending })
    await tx.insert(t.users).values(userRows)

    await tx.insert(t.elders).values(
      elders.map((e) => ({
        id: e.id, userId: e.phone ? 5000 + e.id : null, name: e.name, birthDate: e.birthDate, phone: e.phone, address: e.address,
        homeLat: e.lat, homeLng: e.lng, tier: e.tier, tierReason: e.tierReason, tierVerifiedBy: e.verified ? 1 : null,
        tierVerifiedAt: e.verified ? SEEDED_AT : null, healthNotes: e.healthNotes, createdBy: 1,
      })),
    )
    // 孙梅 made a profile for her father, who has no WeChat: it waits for station 1's staff to see him (待确认的老人).
    const pending = demoPendingProfile(stations, elders.length + 1)
    const pendingId = pending.id
    await tx.insert(t.elders).values({
      id: pendingId, userId: null, name: pending.name, birthDate: pending.birthDate, phone: null, address: pending.address,
      homeLat: pending.lat, homeLng: pending.lng, status: 'pending', createdBy: 9003, emergencyName: '孙梅', emergencyPhone: DEMO_PHONES.familyPending,
    })
    await tx.insert(t.familyLinks).values([
      { elderId: 1, familyUserId: 9001, relation: '子女', consentedAt: SEEDED_AT },
      { elderId: pendingId, familyUserId: 9003, relation: '子女', consentedAt: SEEDED_AT },
    ])
    // 关爱巡访 for elders living alone and the like: the first rounds fall due tomorrow, whenever the demo is started.
    const tomorrow = businessDate(new Date((opts.now ?? new Date()).getTime() + 86_400_000))
    const plans = demoCarePlans(elders).map((p) => ({ ...p, firstDueAt: dueAtOn(tomorrow), createdBy: 1, createdAt: SEEDED_AT }))
    if (plans.length) await tx.insert(t.careRoundPlans).values(plans)

    // Price boards: one version in force for all; station 1 also shows its history and an announced change.
    let versionId = 0
    const versions: (typeof t.priceVersions.$inferInsert)[] = []
    const items: (typeof t.priceItems.$inferInsert)[] = []
    const publish = (stationId: number, effective: string, factor: number, offers: string[], note: string) => {
      versionId += 1
      versions.push({ id: versionId, stationId, effectiveFrom: at(effective), publishedBy: 100 + stationId, publishedAt: SEEDED_AT, note })
      MENU.forEach((m, i) => {
        if (!offers.includes(m.code)) return
        items.push({ priceVersionId: versionId, serviceId: i + 1, content: m.description, paidFen: adjustFen(m.paidFen, factor), lowFen: adjustFen(m.lowFen, factor), freeFen: adjustFen(m.freeFen, factor) })
      })
    }
    for (const s of stations) {
      if (s.id === 1) publish(1, '2025-06-01T00:00:00+08:00', s.priceFactor * 0.9, s.offers, '2025 年价格')
      publish(s.id, '2026-01-01T00:00:00+08:00', s.priceFactor, s.offers, '2026 年价格')
      if (s.id === 1) publish(1, '2027-01-01T00:00:00+08:00', s.priceFactor * 1.05, s.offers, '2027 年调价（提前公示）')
    }
    await tx.insert(t.priceVersions).values(versions)
    await tx.insert(t.priceItems).values(items)

    // Capacity: hourly visits 08:00–18:00, meals at lunch and dinner, emergency around the clock.
    const rules: (typeof t.capacityRules.$inferInsert)[] = []
    for (const s of stations) {
      const visits = s.kind === 'complex' ? 4 : 2
      for (const category of new Set(MENU.filter((m) => s.offers.includes(m.code)).map((m) => m.category))) {
        if (category === 'meal') {
          rules.push({ stationId: s.id, category, openMinute: 660, closeMinute: 720, slotMinutes: 60, capacity: 20 })
          rules.push({ stationId: s.id, category, openMinute: 1020, closeMinute: 1080, slotMinutes: 60, capacity: 20 })
        } else if (category === 'emergency') {
          rules.push({ stationId: s.id, category, openMinute: 0, closeMinute: 1440, slotMinutes: 60, capacity: 1 })
        } else {
          rules.push({ stationId: s.id, category, openMinute: 480, closeMinute: 1080, slotMinutes: 60, capacity: visits })
        }
      }
    }
    await tx.insert(t.capacityRules).values(rules)

    // The demo's last month of visits (npm start); tests start from no orders unless they ask for it.
    if (opts.history) {
      const h = demoHistory(stations, elders)
      await tx.insert(t.orders).values(h.orders)
      await tx.insert(t.orderEvents).values(h.events)
      await tx.insert(t.hoursBalances).values(h.balances)
      await tx.insert(t.hoursLedger).values(h.ledger)
    }
    return true
  })
}
