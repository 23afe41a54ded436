import { z } from 'zod'
import { formatYuan } from './common'

/** What was collected at check-out against what the elder confirmed when booking. */
export const CHARGE_FLAGS = ['overcharge', 'undercharge'] as const
export type ChargeFlag = (typeof CHARGE_FLAGS)[number]

export const ZOrderCharge = z.object({
  quotedFen: z.number().int().describe('预约时确认的应付，分'),
  chargedFen: z.number().int().describe('签退时记录的实收，分'),
  flag: z.enum(CHARGE_FLAGS).nullable().describe('实收与预约时不同：多收 overcharge / 少收 undercharge'),
  text: z.string().describe('给人看的一句话，如“实收 ¥60.00，比预约时的 ¥40.00 多 ¥20.00”'),
})
export type OrderCharge = z.infer<typeof ZOrderCharge>

export function chargeFlag(quotedFen: number, chargedFen: number): ChargeFlag | null {
  return chargedFen > quotedFen ? 'overcharge' : chargedFen < quotedFen ? 'undercharge' : null
}

/**
 * The sentence in phrases a line may break between (never inside an amount): "实收 ¥60.00，" "比预约时的 ¥40.00" " 多 ¥20.00".
 * Joined, it is what the elder, the family, the station and the supervisor all read.
 */
export function chargePhrases(quotedFen: number, chargedFen: number): string[] {
  const flag = chargeFlag(quotedFen, chargedFen)
  if (flag === null) return [`实收 ¥${formatYuan(chargedFen)}，`, '与预约时一致']
  return [`实收 ¥${formatYuan(chargedFen)}，`, `比预约时的 ¥${formatYuan(quotedFen)}`, ` ${flag === 'overcharge' ? '多' : '少'} ¥${formatYuan(Math.abs(chargedFen - quotedFen))}`]
}

export function describeCharge(quotedFen: number, chargedFen: number): OrderCharge {
  return { quotedFen, chargedFen, flag: chargeFlag(quotedFen, chargedFen), text: chargePhrases(quotedFen, chargedFen).join('') }
}
