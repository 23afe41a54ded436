import { linesFrom, previewItems, readLines, type DraftLine } from './draft-lines'
import { chosenTime, effectiveProblem, soonest } from './effective-time'

const line = (over: Partial<DraftLine> = {}): DraftLine => ({ serviceId: 2, name: '居家保洁', unit: '小时', content: '打扫卧室', paid: '40', low: '20', free: '0', ...over })

describe('readLines: the draft as integer fen, or what is wrong with each line', () => {
  it('turns yuan as typed into fen exactly', () => {
    const read = readLines([line({ paid: '42.5', low: '20.05', free: '0.3' })])
    expect(read).toEqual({ ok: true, items: [{ serviceId: 2, unit: '小时', content: '打扫卧室', paidFen: 4250, lowFen: 2005, freeFen: 30 }] })
  })

  it('marks each wrong line by its index, with the problem in words', () => {
    const read = readLines([line(), line({ serviceId: 3, name: '衣物清洗', low: 'abc' }), line({ serviceId: 4, name: '上门助浴', low: '50' }), line({ serviceId: 5, name: '理发', free: '25' })])
    expect(read.ok).toBe(false)
    if (read.ok) return
    expect(Object.keys(read.problems)).toEqual(['1', '2', '3'])
    expect(read.problems[1]).toBe('低偿价请填金额（元），例如 40 或 12.50')
    expect(read.problems[2]).toContain('“上门助浴”的优惠价高于标准价')
    expect(read.problems[3]).toContain('“理发”的无偿价 ¥25.00 高于低偿价 ¥20.00')
  })

  it('asks for a unit and the service content', () => {
    const read = readLines([line({ unit: ' ' }), line({ serviceId: 3, content: '' })])
    expect(read.ok ? null : read.problems).toEqual({ 0: '请填写计价单位，例如“次”“小时”', 1: '请填写服务内容' })
  })

  it('refuses a price over ¥10,000 per unit', () => {
    const read = readLines([line({ paid: '10000.01' })])
    expect(read.ok ? null : read.problems[0]).toContain('超过了每单位 ¥10000.00 的上限')
  })
})

describe('linesFrom and previewItems', () => {
  it('a board starts the editor in yuan, and the preview has what residents will read', () => {
    const lines = linesFrom([{ serviceId: 2, unit: '小时', content: '打扫', paidFen: 4000, lowFen: 1250, freeFen: 0 }], () => '居家保洁')
    expect(lines).toEqual([{ serviceId: 2, name: '居家保洁', unit: '小时', content: '打扫', paid: '40', low: '12.50', free: '0' }])
    const read = readLines(lines)
    if (!read.ok) throw new Error('expected the lines to read')
    const services = [{ id: 2, code: 'CLEANING', name: '居家保洁', category: 'cleaning' as const, unit: '小时', durationMinutes: 60, hoursKind: 'housekeeping' as const, description: '' }]
    expect(previewItems(read.items, services, () => '居家保洁')).toEqual([
      { serviceId: 2, unit: '小时', content: '打扫', paidFen: 4000, lowFen: 1250, freeFen: 0, name: '居家保洁', category: 'cleaning', durationMinutes: 60, hoursKind: 'housekeeping' },
    ])
  })
})

describe('effective time', () => {
  const now = Date.parse('2026-12-01T10:00:30+08:00')
  it('“马上” is the next whole minute at least a minute away, in business time', () => {
    expect(soonest(now)).toBe('2026-12-01T10:02:00+08:00')
    expect(soonest(Date.parse('2026-12-01T10:00:00+08:00'))).toBe('2026-12-01T10:01:00+08:00')
  })
  it('a chosen time in the past is refused in words; the future is fine', () => {
    expect(effectiveProblem(chosenTime('2026-12-01', '09:00'), now)).toContain('已经过去了')
    expect(effectiveProblem(chosenTime('2026-12-02', '00:00'), now)).toBeNull()
    expect(effectiveProblem('not a time', now)).toBe('请选择生效的日期和时间')
  })
})
