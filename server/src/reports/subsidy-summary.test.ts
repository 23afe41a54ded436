import fc from 'fast-check'
import { parse } from 'csv-parse/sync'
import type { SubsidyFigures } from '@carecircle/shared'
import { summariseSubsidy, type CompletedOrder } from './subsidy-summary'
import { BOM, SUBSIDY_CSV_HEADER, subsidyCsv, subsidyCsvDisposition } from './subsidy-csv'

const FIGURES: (keyof SubsidyFigures)[] = ['completedOrders', 'housekeepingMinutes', 'medicalMinutes', 'subsidyFen', 'paidByEldersFen', 'chargeMismatches', 'refundedFen']
const sum = (list: SubsidyFigures[], k: keyof SubsidyFigures) => list.reduce((s, f) => s + f[k], 0)

const order = fc.record({
  orderId: fc.integer({ min: 1, max: 1e6 }), stationId: fc.integer({ min: 1, max: 4 }), elderId: fc.integer({ min: 1, max: 6 }),
  tier: fc.constantFrom('free', 'low', 'paid') as fc.Arbitrary<CompletedOrder['tier']>, hoursKind: fc.constantFrom('housekeeping', 'medical', null) as fc.Arbitrary<CompletedOrder['hoursKind']>,
  hoursUsedMinutes: fc.integer({ min: 0, max: 180 }), subsidyFen: fc.integer({ min: 0, max: 10_000 }), payableFen: fc.integer({ min: 0, max: 10_000 }),
  chargedFen: fc.option(fc.integer({ min: 0, max: 10_000 })), refundedFen: fc.integer({ min: 0, max: 5_000 }),
}).map((o): CompletedOrder => ({
  ...o, stationName: `驿站${o.stationId}`, operatorName: '物业', elderName: `老人${o.elderId}`, slotStart: '2026-11-24T09:00:00+08:00',
  chargeFlag: o.chargedFen === null || o.chargedFen === o.payableFen ? null : o.chargedFen > o.payableFen ? 'overcharge' : 'undercharge',
}))

describe('summariseSubsidy', () => {
  it('totals equal the sum of the rows and of the stations, for any month of orders', () => {
    fc.assert(
      fc.property(fc.array(order, { maxLength: 60 }), (orders) => {
        const r = summariseSubsidy(orders)
        for (const k of FIGURES) {
          expect(sum(r.rows, k)).toBe(r.totals[k])
          expect(sum(r.stations, k)).toBe(r.totals[k])
        }
        expect(r.totals.completedOrders).toBe(orders.length)
        expect(r.mismatches).toHaveLength(r.totals.chargeMismatches)
      }),
    )
  })

  it('counts what the elder paid as charged where recorded, else payable; minutes by kind', () => {
    const base = orderOf({ orderId: 1, hoursKind: 'housekeeping', hoursUsedMinutes: 60, subsidyFen: 4000, payableFen: 0, chargedFen: 500, chargeFlag: 'overcharge' })
    const r = summariseSubsidy([base, { ...base, orderId: 2, hoursKind: 'medical', hoursUsedMinutes: 30, chargedFen: null, chargeFlag: null, payableFen: 1500 }])
    expect(r.rows).toHaveLength(1)
    expect(r.totals).toEqual({ completedOrders: 2, housekeepingMinutes: 60, medicalMinutes: 30, subsidyFen: 8000, paidByEldersFen: 2000, chargeMismatches: 1, refundedFen: 0 })
    expect(r.mismatches).toEqual([{ orderId: 1, stationId: 1, elderId: 1, slotStart: base.slotStart, quotedFen: 0, chargedFen: 500, flag: 'overcharge' }])
  })
})

function orderOf(o: Partial<CompletedOrder>): CompletedOrder {
  return { orderId: 1, stationId: 1, stationName: '兴隆养老服务驿站', operatorName: '物业', elderId: 1, elderName: '王秀英', tier: 'free', slotStart: '2026-11-24T09:00:00+08:00', hoursKind: null, hoursUsedMinutes: 0, subsidyFen: 0, payableFen: 0, chargedFen: null, chargeFlag: null, refundedFen: 0, ...o }
}

describe('subsidyCsv', () => {
  it('starts with a BOM and a Chinese header; each station’s rows end in its subtotal; a totals row ends it (yuan)', () => {
    const r = summariseSubsidy([
      orderOf({ subsidyFen: 4000, payableFen: 1234, refundedFen: 500 }),
      orderOf({ orderId: 2, elderId: 2, elderName: '李,建"国', subsidyFen: 1, payableFen: 1 }),
      orderOf({ orderId: 3, stationId: 2, stationName: '大山坪养老服务驿站', subsidyFen: 100, payableFen: 0, refundedFen: 250 }),
    ])
    const csv = subsidyCsv({ month: '2026-11', ...r })
    expect(csv.startsWith(BOM)).toBe(true)
    const [header, ...records] = parse(csv.slice(1)) as string[][]
    expect(header).toEqual(SUBSIDY_CSV_HEADER)
    expect(header!.at(-1)).toBe('退款（元）')
    const totals = records.pop()!
    expect(totals[0]).toBe('合计（2026-11）')
    expect(records.map((x) => x[0])).toEqual(['兴隆养老服务驿站', '兴隆养老服务驿站', '兴隆养老服务驿站 小计', '大山坪养老服务驿站', '大山坪养老服务驿站 小计'])
    const elderRows = records.filter((x) => !x[0]!.endsWith(' 小计'))
    expect(elderRows.map((x) => x[3])).toEqual(['王秀英', '李,建"国', '王秀英'])
    for (let c = 5; c < header!.length; c++) {
      expect(Number(totals[c])).toBeCloseTo(elderRows.reduce((s, x) => s + Number(x[c]), 0), 2)
      expect(Number(records[2]![c])).toBeCloseTo(elderRows.slice(0, 2).reduce((s, x) => s + Number(x[c]), 0), 2)
    }
    expect(totals.slice(8, 10)).toEqual(['41.01', '12.35'])
    expect(totals.at(-1)).toBe('7.50')
  })

  it('never lets a name run as a spreadsheet formula', () => {
    const csv = subsidyCsv({ month: '2026-11', ...summariseSubsidy([orderOf({ elderName: '=HYPERLINK("x")' })]) })
    const [, row] = parse(csv.slice(1)) as string[][]
    expect(row![3]!.startsWith('=')).toBe(false)
  })

  it('names the file in ASCII and in UTF-8', () => {
    expect(subsidyCsvDisposition('2026-11')).toBe(`attachment; filename="subsidy-2026-11.csv"; filename*=UTF-8''${encodeURIComponent('补贴对账-2026-11.csv')}`)
  })
})
