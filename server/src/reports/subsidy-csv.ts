import { stringify } from 'csv-stringify/sync'
import { TIER_LABELS, formatYuan, type SubsidyFigures, type SubsidyReport } from '@carecircle/shared'

/** Excel reads a UTF-8 file as the local ANSI code page unless it starts with this byte order mark. */
export const BOM = '\uFEFF'

const FIGURE_HEADERS = ['完成订单数', '家政服务时长（分钟）', '医疗服务时长（分钟）', '补贴金额（元）', '老人实付（元）', '实收与报价不符（单）', '退款（元）']
export const SUBSIDY_CSV_HEADER = ['驿站', '运营方', '老人编号', '老人', '补贴类别', ...FIGURE_HEADERS]

const figures = (f: SubsidyFigures) => [f.completedOrders, f.housekeepingMinutes, f.medicalMinutes, formatYuan(f.subsidyFen), formatYuan(f.paidByEldersFen), f.chargeMismatches, formatYuan(f.refundedFen)]

/**
 * The reconciliation as a CSV Excel opens in Chinese: BOM, a Chinese header row, each station's rows (one per elder)
 * followed by its subtotal row ("<驿站> 小计"), then a totals row. Money in yuan. A name typed as "=…" is escaped so a
 * spreadsheet never runs it as a formula.
 */
export function subsidyCsv(report: Pick<SubsidyReport, 'month' | 'rows' | 'stations' | 'totals'>): string {
  const records = [
    SUBSIDY_CSV_HEADER,
    ...report.stations.flatMap((s) => [
      ...report.rows.filter((r) => r.stationId === s.stationId).map((r) => [r.stationName, r.operatorName, r.elderId, r.elderName, TIER_LABELS[r.tier], ...figures(r)]),
      [`${s.stationName} 小计`, s.operatorName, '', '', '', ...figures(s)],
    ]),
    [`合计（${report.month}）`, '', '', '', '', ...figures(report.totals)],
  ]
  return BOM + stringify(records, { record_delimiter: '\r\n', escape_formulas: true })
}

/** attachment; an ASCII name for old clients and the Chinese one (RFC 6266 / 5987) for the rest. */
export function subsidyCsvDisposition(month: string): string {
  return `attachment; filename="subsidy-${month}.csv"; filename*=UTF-8''${encodeURIComponent(`补贴对账-${month}.csv`)}`
}
