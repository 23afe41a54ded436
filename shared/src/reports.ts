import { z } from 'zod'
import { sensibleYear } from './common'
import { CHARGE_FLAGS } from './charge'
import { TIERS } from './elders'

/** A calendar month in business time (Asia/Shanghai): 2026-12. */
export const ZMonth = z
  .string({ error: '缺少月份' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式应为 YYYY-MM，如 2026-12' })
  .refine(sensibleYear, { error: '月份不正确，请重新选择' })

export const ZSubsidyReportQuery = z.object({
  month: ZMonth,
  format: z.enum(['json', 'csv'], { error: 'format 应为 json 或 csv' }).optional().describe('csv：下载 Excel 可打开的表格（UTF-8 带 BOM）'),
})
export type SubsidyReportQuery = z.infer<typeof ZSubsidyReportQuery>

/** The figures reconciled, for one elder at one station, one station, or everything. */
export const ZSubsidyFigures = z.object({
  completedOrders: z.number().int(),
  housekeepingMinutes: z.number().int().describe('政府购买的家政服务时长（分钟）'),
  medicalMinutes: z.number().int().describe('政府购买的医疗服务时长（分钟）'),
  subsidyFen: z.number().int().describe('补贴金额（标准价 − 应付），分'),
  paidByEldersFen: z.number().int().describe('老人实付：签退时记录的实收，没有时按应付，分'),
  chargeMismatches: z.number().int().describe('实收与预约时报价不同的订单数'),
  refundedFen: z.number().int().describe('这些订单的投诉办结时记录的退款，分'),
})
export type SubsidyFigures = z.infer<typeof ZSubsidyFigures>

export const ZSubsidyRow = ZSubsidyFigures.extend({
  stationId: z.number().int(),
  stationName: z.string(),
  operatorName: z.string(),
  elderId: z.number().int(),
  elderName: z.string(),
  tier: z.enum(TIERS).describe('下单时的补贴类别'),
})
export type SubsidyRow = z.infer<typeof ZSubsidyRow>

export const ZChargeMismatch = z.object({
  orderId: z.number().int(),
  stationId: z.number().int(),
  elderId: z.number().int(),
  slotStart: z.string(),
  quotedFen: z.number().int(),
  chargedFen: z.number().int(),
  flag: z.enum(CHARGE_FLAGS),
})
export type ChargeMismatch = z.infer<typeof ZChargeMismatch>

export const ZSubsidyReport = z.object({
  month: z.string(),
  from: z.string().describe('月初（含），业务时区'),
  to: z.string().describe('下月初（不含），业务时区'),
  rows: z.array(ZSubsidyRow).describe('每个驿站的每位老人一行，按驿站、老人排序'),
  stations: z.array(ZSubsidyFigures.extend({ stationId: z.number().int(), stationName: z.string(), operatorName: z.string() })).describe('每个驿站的小计'),
  totals: ZSubsidyFigures,
  mismatches: z.array(ZChargeMismatch).describe('实收与报价不同的订单'),
})
export type SubsidyReport = z.infer<typeof ZSubsidyReport>

/** The month's bounds as instants: [first day 00:00, next month's first day 00:00) in Asia/Shanghai. */
export function monthBounds(month: string): { from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
  return { from: new Date(`${month}-01T00:00:00+08:00`), to: new Date(`${next}-01T00:00:00+08:00`) }
}
