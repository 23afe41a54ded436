import { render, screen } from '@testing-library/react'
import type { OrderEvent } from '@carecircle/shared'
import { Timeline } from './timeline'

const event = (over: Partial<OrderEvent>): OrderEvent => ({
  at: '2026-11-24T09:00:00+08:00', fromStatus: 'assigned', toStatus: 'accepted', actorRole: 'staff', stationName: '兴隆驿站', reason: null, text: '兴隆驿站已接单，会按时上门', ...over,
})

describe('Timeline', () => {
  it('says a reason once: not again under a sentence that already gives it', () => {
    render(<Timeline events={[event({ fromStatus: 'created', toStatus: 'assigned', reason: '约 300 米，步行约 6 分钟', text: '已派给兴隆驿站：约 300 米，步行约 6 分钟' })]} />)
    const item = screen.getByTestId('timeline-item')
    expect(item.textContent!.split('约 300 米').length - 1).toBe(1)
    expect(item.textContent).not.toContain('原因')
  })

  it('gives the reason its own line when the sentence does not carry it', () => {
    render(<Timeline events={[event({ reason: '老人家属来电要求' })]} />)
    expect(screen.getByTestId('timeline-item').textContent).toContain('原因：老人家属来电要求')
  })
})
