/**
 * What a worker typed to find an elder who phoned in: a name (part of it) or the phone's last 4 digits.
 * Null with a reason when it cannot find anyone as typed.
 */
export function searchTerm(text: string): { q: string } | { problem: string } {
  const q = text.trim().replace(/\s+/g, '')
  if (q === '') return { problem: '请输入老人的姓名，或手机号的后 4 位。' }
  if (/^\d+$/.test(q) && q.length !== 4) return { problem: '按手机号找，请输入后 4 位数字。' }
  if (q.length > 32) return { problem: '姓名太长了，请只输入老人的姓名。' }
  return { q }
}
