import { priceForTier, sortComparison, versionStatusWords } from './prices'

const station = (stationId: number, yourPriceFen: number, travelMinutes: number, rating: number | null, status: 'active' | 'suspended' = 'active') => ({
  stationId, name: `驿站${stationId}`, operatorName: '某物业', status, yourPriceFen, listPriceFen: 4000, travelMinutes, distanceMeters: travelMinutes * 70, travelMode: 'walk', rating, ratingCount: rating ? 10 : 0,
})

describe('priceForTier', () => {
  it('reads the column of the tier', () => {
    const item = { freeFen: 0, lowFen: 2000, paidFen: 4000 }
    expect([priceForTier(item, 'free'), priceForTier(item, 'low'), priceForTier(item, 'paid')]).toEqual([0, 2000, 4000])
  })
})

describe('sortComparison: 与附近驿站比价', () => {
  it('puts the elder’s own lowest price first, then the shorter trip, then the better rating, then the id', () => {
    const sorted = sortComparison([station(1, 2000, 9, 4.5), station(2, 1500, 14, 3.9), station(3, 2000, 6, null), station(4, 2000, 9, 4.8), station(5, 2000, 9, 4.8)])
    expect(sorted.map((s) => s.stationId)).toEqual([2, 3, 4, 5, 1])
  })

  it('sends a suspended station to the end whatever its price, and does not change the list it was given', () => {
    const given = [station(1, 0, 5, 5, 'suspended'), station(2, 3000, 20, null)]
    expect(sortComparison(given).map((s) => s.stationId)).toEqual([2, 1])
    expect(given.map((s) => s.stationId)).toEqual([1, 2])
  })
})

describe('versionStatusWords', () => {
  const now = Date.parse('2026-12-01T10:00:00+08:00')
  it('says draft, in force, waiting or replaced', () => {
    expect(versionStatusWords({ status: 'draft', inForce: false, effectiveFrom: '2026-12-02T00:00:00+08:00' }, now).words).toBe('草稿（居民看不到）')
    expect(versionStatusWords({ status: 'published', inForce: true, effectiveFrom: '2026-11-01T00:00:00+08:00' }, now).words).toBe('正在执行')
    expect(versionStatusWords({ status: 'published', inForce: false, effectiveFrom: '2026-12-02T00:00:00+08:00' }, now).words).toBe('已公示，等到生效时间执行')
    expect(versionStatusWords({ status: 'published', inForce: false, effectiveFrom: '2026-10-01T00:00:00+08:00' }, now).words).toBe('已被新价格代替')
  })
})
