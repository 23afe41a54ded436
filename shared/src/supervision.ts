import { z } from 'zod'
import { ZPlainText } from './common'

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
