import { z } from 'zod'

/** 双随机抽查 (seed 001 #17): stations drawn at random, the draw replayable from its seed, results public. */
export const INSPECTION_RESULTS = ['pass', 'rectify', 'fail'] as const
export type InspectionResult = (typeof INSPECTION_RESULTS)[number]
export const INSPECTION_RESULT_LABELS: Record<InspectionResult, string> = { pass: '合格', rectify: '限期整改', fail: '不合格' }

const plain = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '').trim()

export const ZInspectionDrawRequest = z.object({
  count: z.number({ error: '请填写抽查几个驿站' }).int({ error: '抽查数量应为整数' }).min(1, { error: '至少抽查 1 个驿站' }).max(50, { error: '一次最多抽查 50 个驿站' }),
  /** Leave out to let the server choose one; given, the same seed over the same stations draws the same ones. */
  seed: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '随机种子应为 8–64 位字母或数字' }).optional(),
})

export const ZInspectionResultRequest = z.object({
  result: z.enum(INSPECTION_RESULTS, { error: '检查结果应为 合格、限期整改 或 不合格' }),
  notes: z.string({ error: '请写下检查情况' }).transform(plain).pipe(z.string().min(2, { error: '请写下检查情况' }).max(500, { error: '检查情况最多 500 字' })),
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
