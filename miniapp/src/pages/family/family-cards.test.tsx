import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Binding } from '@carecircle/shared'
import { ParentCard, nextVisitText } from './parent-card'
import { HelperCard } from './helper-card'

const send = Taro.request as unknown as jest.Mock

function binding(over: Partial<Binding> = {}): Binding {
  return {
    id: 4, elder: { id: 1, name: '王秀英', status: 'active' }, family: { userId: 9, name: '赵强', phone: '139****0002' },
    relation: '子女', consentedAt: '2026-11-23T10:00:00+08:00', via: 'invitation',
    nextVisit: { orderId: 31, slotStart: '2026-11-24T09:00:00+08:00', serviceName: '居家保洁', status: 'accepted' },
    ...over,
  }
}
const handlers = () => ({ onBook: jest.fn(), onVisits: jest.fn(), onOpenOrder: jest.fn(), onRevoked: jest.fn() })

beforeEach(() => send.mockReset())

describe('a parent on 我的家人', () => {
  it('shows the next visit in words, and a button to book for this parent', () => {
    const h = handlers()
    render(<ParentCard binding={binding()} {...h} />)
    expect(screen.getByTestId('next-visit').textContent).toBe('11月24日 周二 09:00 居家保洁（驿站已接单）')
    fireEvent.click(screen.getByTestId('book-for-parent'))
    expect(h.onBook).toHaveBeenCalledWith(expect.objectContaining({ id: 4 }))
    expect(nextVisitText(null)).toBe('近期没有预约')
  })

  it('a pending profile says it waits for the station and cannot be booked yet', () => {
    render(<ParentCard binding={binding({ elder: { id: 2, name: '李大爷', status: 'pending' }, nextVisit: null, via: 'profile' })} {...handlers()} />)
    expect(screen.getByTestId('parent-pending').textContent).toContain('待驿站确认')
    expect(screen.queryByTestId('book-for-parent')).toBeNull()
  })

  it('unbinding asks in words on the page first; only 确定解除 sends the DELETE', async () => {
    const h = handlers()
    render(<ParentCard binding={binding()} {...h} />)
    fireEvent.click(screen.getByTestId('revoke'))
    expect(send).not.toHaveBeenCalled()
    expect(screen.getByTestId('revoke-step').textContent).toContain('就不能再为王秀英预约')
    fireEvent.click(screen.getByTestId('revoke-back'))
    expect(screen.queryByTestId('revoke-step')).toBeNull()

    fireEvent.click(screen.getByTestId('revoke'))
    send.mockResolvedValueOnce({ statusCode: 200, data: { ok: true, id: 4 } })
    await act(async () => {
      fireEvent.click(screen.getByTestId('revoke-confirm'))
    })
    expect(send.mock.calls[0][0]).toMatchObject({ url: '/api/family/bindings/4', method: 'DELETE' })
    expect(h.onRevoked).toHaveBeenCalledWith(4)
  })
})

describe('a relative on 谁可以帮我预约', () => {
  it('shows the masked phone and takes the permission back in plain words; a failure says so', async () => {
    const onRevoked = jest.fn()
    render(<HelperCard binding={binding()} onRevoked={onRevoked} />)
    expect(screen.getByTestId('helper-phone').textContent).toBe('139****0002')
    fireEvent.click(screen.getByTestId('revoke'))
    expect(screen.getByTestId('revoke-step').textContent).toContain('以后赵强就不能再帮您预约')
    send.mockResolvedValueOnce({ statusCode: 503, data: {} })
    await act(async () => {
      fireEvent.click(screen.getByTestId('revoke-confirm'))
    })
    expect(onRevoked).not.toHaveBeenCalled()
    expect(screen.getByTestId('error-state').textContent).toContain('12349')
  })
})
