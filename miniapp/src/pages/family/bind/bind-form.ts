import { ZBindRequest, type FamilyRelation } from '@carecircle/shared'
import { cleanCode } from '../../../lib/family-words'

/** What still stops the bind, in words, or null when the code and the relation are ready to send. */
export function bindProblem(code: string, relation: FamilyRelation | null): string | null {
  const digits = cleanCode(code)
  if (digits.length !== 6 && digits.length !== 8) return digits.length === 0 ? '请输入老人给您的邀请码（6 位数字，有时是 8 位）。' : `邀请码是 6 位或 8 位数字，现在是 ${digits.length} 位，请核对。`
  if (!relation) return '请选择您和老人的关系。'
  const parsed = ZBindRequest.safeParse({ code: digits, relation })
  return parsed.success ? null : parsed.error.issues[0].message
}

/** After a refusal: what to do next, by the server's code. */
export function bindHint(code: string): string | undefined {
  if (code === 'INVITATION_INVALID') return '请让老人在“邀请家人”里看一下邀请码，或重新生成一个再告诉您。邀请码 24 小时内有效，只能用一次。'
  if (code === 'ALREADY_BOUND') return '您已经和这位老人绑定了，可以直接在“我的家人”里为老人预约。'
  if (code === 'RATE_LIMITED') return '请按上面说的时间再试。也可以请老人在“邀请家人”里再看一遍邀请码，核对后再输入。'
  return undefined
}
