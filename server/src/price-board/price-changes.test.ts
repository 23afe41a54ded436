import fc from 'fast-check'
import { priceChanges, type BoardLine } from './price-changes'

const line = (serviceId: number, paidFen: number, over: Partial<BoardLine> = {}): BoardLine => ({ serviceId, name: `服务${serviceId}`, unit: '次', content: '内容', paidFen, lowFen: Math.floor(paidFen / 2), freeFen: 0, ...over })

describe('priceChanges', () => {
  it('the first version has nothing to compare with', () => {
    expect(priceChanges(null, [line(1, 100)])).toEqual([])
  })

  it('says per service what was added, removed or changed, in plain words', () => {
    const changes = priceChanges([line(1, 4000), line(2, 1000), line(3, 500)], [line(1, 4200), line(2, 1000, { unit: '小时', content: '新内容' }), line(4, 2000)])
    expect(changes.map((c) => [c.serviceId, c.kind])).toEqual([[1, 'changed'], [2, 'changed'], [4, 'added'], [3, 'removed']])
    expect(changes[0]!.text).toBe('“服务1”：标准价 ¥40.00 → ¥42.00，低偿价 ¥20.00 → ¥21.00')
    expect(changes[1]!.text).toBe('“服务2”：计价单位 次 → 小时，服务内容有更新')
    expect(changes[2]).toMatchObject({ before: null, after: { paidFen: 2000 }, text: '新增“服务4”：标准价 ¥20.00/次，低偿价 ¥10.00，无偿价 ¥0.00' })
    expect(changes[3]).toMatchObject({ after: null, text: '不再提供“服务3”' })
  })

  it('an unchanged board has no changes; every service of either side appears at most once', () => {
    const board = fc.uniqueArray(fc.record({ serviceId: fc.integer({ min: 1, max: 30 }), paidFen: fc.integer({ min: 0, max: 10_000 }) }), { selector: (l) => l.serviceId, maxLength: 12 })
      .map((ls) => ls.map((l) => line(l.serviceId, l.paidFen)))
    fc.assert(
      fc.property(board, board, (a, b) => {
        expect(priceChanges(a, a)).toEqual([])
        const changes = priceChanges(a, b)
        const ids = changes.map((c) => c.serviceId)
        expect(new Set(ids).size).toBe(ids.length)
        const inA = new Set(a.map((l) => l.serviceId))
        const inB = new Set(b.map((l) => l.serviceId))
        for (const c of changes) expect(c.kind).toBe(!inA.has(c.serviceId) ? 'added' : !inB.has(c.serviceId) ? 'removed' : 'changed')
        expect(changes.filter((c) => c.kind === 'added')).toHaveLength([...inB].filter((id) => !inA.has(id)).length)
      }),
    )
  })
})
