import { z } from 'zod'
import { ZLocalDate, ZPlainText } from './common'

/** 双随机抽查 (seed 001 #17): stations drawn at random, the draw replayable from its seed, results public. */
export const INSPECTION_RESULTS = ['pass', 'rectify', 'fail'] as const
export type InspectionResult = (typeof INSPECTION_RESULTS)[number]
export const INSPECTION_RESULT_LABELS: Record<InspectionResult, string> = { pass: '合格', rectify: '限期整改', fail: '不合格' }


export const ZInspectionDrawRequest = z.object({
  count: z.number({ error: '请填写抽查几个驿站' }).int({ error: '抽查数量应为整数' }).min(1, { error: '至少抽查 1 个驿站' }).max(50, { error: '一次最多抽查 50 个驿站' }),
  /** Leave out to let the server choose one; given, the same seed over the same stations draws the same ones. */
  seed: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '随机种子应为 8–64 位字母或数字' }).optional(),
})

export const ZInspectionResultRequest = z.object({
  result: z.enum(INSPECTION_RESULTS, { error: '检查结果应为 合格、限期整改 或 不合格' }),
  notes: ZPlainText(500, '检查情况').min(2, { error: '请写下检查情况' }),
})

export const ZInspection = z.object({
  id: z.number().int(),
  station: z.object({ id: z.number().int(), name: z.string() }),
  result: z.enum(INSPECTION_RESULTS).nullable(),
  resultLabel: z.string().nullable(),
  notes: z.string().nullable(),
  inspectedAt: z.string().nullable(),
})
export const ZInspectionDraw = z.object({
  id: z.number().int(),
  seed: z.string(),
  drawnAt: z.string(),
  /** How many active stations the draw was made from (their ids are kept for the replay). */
  candidateCount: z.number().int(),
  inspections: z.array(ZInspection),
})
export type InspectionDraw = z.infer<typeof ZInspectionDraw>

/** What the public price board shows of a station's inspections. */
export const ZPublicInspection = z.object({ inspectedAt: z.string(), result: z.enum(INSPECTION_RESULTS), resultLabel: z.string(), notes: z.string() })

/** 暂停接单 (黑榜): from the suspension's commit no new order reaches the station; its open orders re-routed or kept. */
export const ZSuspendStationRequest = z.object({
  reason: ZPlainText(200, '暂停原因').min(2, { error: '请写明暂停的原因（会在价格公示页上公开）' }),
  reroute: z.boolean({ error: '请选择已有订单是改派其他驿站（true）还是保留（false）' }),
})
export const ZReinstateStationRequest = z.object({ reason: ZPlainText(200, '恢复原因').optional() })
export const ZStationSupervision = z.object({
  station: z.object({ id: z.number().int(), name: z.string(), status: z.enum(['active', 'suspended', 'closed']), suspendedReason: z.string().nullable(), suspendedAt: z.string().nullable() }),
  /** Open future orders of the station: moved to another station, left with none (unassigned), or kept. */
  orders: z.object({ rerouted: z.number().int(), unassigned: z.number().int(), kept: z.number().int() }),
})
export type StationSupervision = z.infer<typeof ZStationSupervision>

/** Per-station figures for a period (the supervisor's 星级评定 basis). Shares are 0–1; null where there is nothing to divide. */
export const ZStationFiguresQuery = z.object({
  from: ZLocalDate,
  to: ZLocalDate,
})
export const ZStationFigures = z.object({
  station: z.object({ id: z.number().int(), name: z.string(), operatorName: z.string(), status: z.enum(['active', 'suspended', 'closed']) }),
  completedOrders: z.number().int(),
  complaints: z.number().int(),
  complaintsPer100Orders: z.number().nullable().describe('每 100 单完成服务的投诉数'),
  acknowledgedInTimeShare: z.number().nullable().describe('按时受理的比例（0–1）'),
  resolvedInTimeShare: z.number().nullable().describe('按时办结的比例（0–1）'),
  overchargeFlags: z.number().int().describe('实收多于预约应付的订单数'),
  rating: z.number().nullable(),
  ratingCount: z.number().int(),
})
export type StationFigures = z.infer<typeof ZStationFigures>
export const ZStationFiguresResponse = z.object({ from: z.string(), to: z.string(), stations: z.array(ZStationFigures) })
export type StationFiguresResponse = z.infer<typeof ZStationFiguresResponse>

/** 红黑榜, public: the best-rated stations (from 5 ratings) and the suspended ones with the supervisor's reason. */
export const ZHonourBoard = z.object({
  best: z.array(z.object({ id: z.number().int(), name: z.string(), operatorName: z.string(), rating: z.number(), ratingCount: z.number().int() })),
  suspended: z.array(z.object({ id: z.number().int(), name: z.string(), operatorName: z.string(), reason: z.string(), suspendedAt: z.string() })),
})
export type HonourBoard = z.infer<typeof ZHonourBoard>
