import Router from '@koa/router'
import { ZSubsidyReport, ZSubsidyReportQuery } from '@carecircle/shared'
import { defineRoute } from '../http/route'
import type { AppDeps } from '../app'
import { getSubsidyReport } from './get-subsidy-report'
import { subsidyCsv, subsidyCsvDisposition } from './subsidy-csv'

export function reportRoutes(deps: AppDeps): Router {
  const r = new Router()
  defineRoute(
    r,
    {
      method: 'get', path: '/api/reports/subsidy', tag: 'supervision', access: ['supervisor'], query: ZSubsidyReportQuery, response: ZSubsidyReport, errors: [400, 401, 403],
      alsoProduces: { 'text/csv': '同样的数字（金额为元），UTF-8 带 BOM，第一行为中文表头，每个驿站的老人行后是该驿站的小计行，最后一行为合计' },
      summary: '月度补贴对账：每个驿站、每位老人的完成订单、政府购买时长、补贴金额、老人实付、实收与报价不符的订单和投诉退款，另有每个驿站的小计；format=csv 下载表格（UTF-8 带 BOM，含合计行）',
    },
    async ({ query, ctx }) => {
      const report = await getSubsidyReport(deps.database.db, query.month)
      if (query.format !== 'csv') return report
      ctx.type = 'text/csv; charset=utf-8'
      ctx.set('Content-Disposition', subsidyCsvDisposition(query.month))
      return subsidyCsv(report)
    },
  )
  return r
}
