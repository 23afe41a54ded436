import { render, screen } from '@testing-library/react'
import { ComplaintTimeline } from '.'

const ev = (over: object) => ({
  at: '2026-11-24T09:00:00+08:00', fromStatus: null, toStatus: 'submitted' as const, actor: '王秀英（老人）', message: null, text: '提交了投诉', ...over,
})

describe('ComplaintTimeline', () => {
  it('says when, what, who, and labels the written words by their step', () => {
    render(
      <ComplaintTimeline
        events={[
          ev({}),
          ev({ at: '2026-11-24T10:30:00+08:00', fromStatus: 'submitted', toStatus: 'resolved', actor: '兴隆驿站', message: '已退还 10 元', text: '驿站答复办结' }),
          ev({ at: '2026-11-25T08:00:00+08:00', fromStatus: 'resolved', toStatus: 'reopened', message: '钱没有退到', text: '投诉人不满意，重新投诉' }),
        ]}
      />,
    )
    const items = screen.getAllByTestId('complaint-event')
    expect(items).toHaveLength(3)
    expect(items[0].textContent).toContain('11月24日 周二 09:00')
    expect(items[0].textContent).toContain('经办：王秀英（老人）')
    expect(items[0].textContent).not.toContain('说明：')
    expect(items[1].textContent).toContain('答复：已退还 10 元')
    expect(items[2].textContent).toContain('不满意的原因：钱没有退到')
    expect(items[2].getAttribute('data-status')).toBe('reopened')
  })

  it('says so in words when nothing has happened yet', () => {
    render(<ComplaintTimeline events={[]} />)
    expect(screen.getByText('还没有处理记录。')).toBeTruthy()
  })
})
