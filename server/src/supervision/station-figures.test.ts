import { stationFigures, type StationFacts } from './station-figures'

const station = (id: number, over: Partial<StationFacts> = {}): StationFacts => ({ id, name: `站${id}`, operatorName: '运营方', status: 'active', ratingTenths: 0, ratingCount: 0, ...over })

describe('stationFigures', () => {
  it('rates per 100 completed orders and in-time shares, with the rating only from 5 ratings', () => {
    const [row] = stationFigures(
      [station(1, { ratingTenths: 43, ratingCount: 7 })],
      new Map([[1, { completed: 40, overcharged: 2 }]]),
      new Map([[1, { filed: 3, ackDue: 3, ackInTime: 2, resolveDue: 2, resolveInTime: 2 }]]),
    )
    expect(row).toEqual({
      station: { id: 1, name: '站1', operatorName: '运营方', status: 'active' },
      completedOrders: 40, complaints: 3, complaintsPer100Orders: 7.5, acknowledgedInTimeShare: 0.667, resolvedInTimeShare: 1, overchargeFlags: 2, rating: 4.3, ratingCount: 7,
    })
  })

  it('says nothing rather than 0% where there is nothing to divide by', () => {
    const [row] = stationFigures([station(2, { ratingTenths: 50, ratingCount: 3 })], new Map(), new Map([[2, { filed: 1, ackDue: 0, ackInTime: 0, resolveDue: 0, resolveInTime: 0 }]]))
    expect(row).toMatchObject({ completedOrders: 0, complaints: 1, complaintsPer100Orders: null, acknowledgedInTimeShare: null, resolvedInTimeShare: null, rating: null })
  })
})
