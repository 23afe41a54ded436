import { allowedOrderActions, canTransition, ORDER_STATUSES, ORDER_TRANSITIONS, ORDER_ACTIONS } from './orders'

describe('the order state machine', () => {
  it('residents may only cancel, and only before the visit has started', () => {
    expect(allowedOrderActions('assigned', 'elder')).toEqual(['cancel'])
    expect(allowedOrderActions('accepted', 'family')).toEqual(['cancel'])
    expect(allowedOrderActions('in_service', 'elder')).toEqual([])
  })

  it('staff accept or decline an assigned order, then check in and check out', () => {
    expect(allowedOrderActions('assigned', 'staff')).toEqual(['accept', 'decline'])
    expect(allowedOrderActions('accepted', 'staff')).toEqual(['decline', 'start'])
    expect(allowedOrderActions('in_service', 'staff')).toEqual(['complete'])
  })

  it('finished orders allow nothing, to anyone; supervisors act on no order directly', () => {
    for (const role of ['elder', 'family', 'staff', 'station_admin', 'supervisor'] as const) {
      expect(allowedOrderActions('completed', role)).toEqual([])
      expect(allowedOrderActions('cancelled', role)).toEqual([])
    }
    for (const status of ORDER_STATUSES) expect(allowedOrderActions(status, 'supervisor')).toEqual([])
  })

  it('every transition leads to declared statuses', () => {
    for (const action of ORDER_ACTIONS) {
      for (const s of [...ORDER_TRANSITIONS[action].from, ...ORDER_TRANSITIONS[action].to]) expect(ORDER_STATUSES).toContain(s)
    }
    expect(canTransition('complete', 'accepted', 'staff')).toBe(false)
  })
})
