import { render, screen } from '@testing-library/react'
import { ComplaintView } from '.'
import { complaintFixture } from './fixture'

describe('ComplaintView', () => {
  it('shows an anonymous complaint to the station as 匿名投诉人, with its deadline as a badge in words', () => {
    render(<ComplaintView complaint={complaintFixture({ anonymous: true, complainant: null, elder: null, orderId: null, ackDueAt: '2000-01-01T09:00:00+08:00' })} viewer='station_admin' />)
    expect(screen.getByTestId('complainant').textContent).toBe('匿名投诉人')
    expect(screen.getByTestId('deadline-badge').textContent).toMatch(/^已超时：应在.*前受理$/)
    expect(screen.queryByText(/王秀英/)).toBeNull()
  })

  it('shows the station only the service, the month and the difference of an anonymous fee complaint', () => {
    render(
      <ComplaintView
        complaint={complaintFixture({ anonymous: true, complainant: null, elder: null, orderId: null, evidence: null, feeSummary: { serviceName: '居家保洁', month: '2026-11', differenceFen: 2000 } })}
        viewer='station_admin'
      />,
    )
    expect(screen.getByTestId('fee-summary').textContent).toMatch(/服务居家保洁.*月份2026年11月.*差额多收 ¥20\.00/)
    expect(screen.queryByTestId('fee-evidence')).toBeNull()
    expect(screen.queryByText(/订单|版/)).toBeNull()
  })

  it('tells the complainant in plain words that the station cannot see their name', () => {
    render(<ComplaintView complaint={complaintFixture({ anonymous: true })} viewer='elder' />)
    expect(screen.getByTestId('complainant').textContent).toContain('驿站看不到您的名字')
    expect(screen.getByTestId('next-deadline').textContent).toBe('驿站须在 11月25日 09:00 前受理')
  })

  it('shows the fee evidence, the refund, the photos and the progress', () => {
    render(
      <ComplaintView
        complaint={complaintFixture({
          status: 'resolved', refundFen: 1050, nextDeadline: null,
          photos: [{ id: 1, url: '/api/complaint-photos/1?exp=1&sig=x' }],
          events: [{ at: '2026-11-24T09:00:00+08:00', fromStatus: null, toStatus: 'submitted', actor: '王秀英（老人）', message: null, text: '提交了投诉' }],
        })}
        viewer='elder'
      />,
    )
    const evidence = screen.getByTestId('fee-evidence').textContent!
    expect(evidence).toContain('第 4 版')
    expect(evidence).toContain('公示的无偿价格¥0.00')
    expect(evidence).toContain('没有记录')
    expect(screen.getByTestId('complaint-refund-amount').textContent).toBe('¥10.50')
    expect(screen.getAllByTestId('complaint-photo')).toHaveLength(1)
    expect(screen.getAllByTestId('complaint-event')).toHaveLength(1)
  })
})
