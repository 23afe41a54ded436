import { fireEvent, render, screen } from '@testing-library/react'
import type { BookableSlot } from '@carecircle/shared'
import { SlotList } from './slot-list'

const slot = (hour: number, status: BookableSlot['status'], heldOrderId: number | null = null, reason: string | null = null): BookableSlot => ({
  slotStart: `2026-12-03T${String(hour).padStart(2, '0')}:00:00+08:00`,
  slotEnd: `2026-12-03T${String(hour + 1).padStart(2, '0')}:00:00+08:00`,
  available: status === 'open',
  status,
  heldOrderId,
  reason,
})

describe('SlotList', () => {
  it('a time the elder holds says 已预约 in words and opens that order, not the booking', () => {
    const onPick = jest.fn()
    const onOpenOrder = jest.fn()
    render(<SlotList slots={[slot(10, 'open'), slot(11, 'held', 42), slot(12, 'full')]} onPick={onPick} onOpenOrder={onOpenOrder} />)
    const held = screen.getByTestId('slot-held')
    expect(held.textContent).toContain('11:00–12:00')
    expect(held.textContent).toContain('已预约')
    fireEvent.click(held)
    expect(onOpenOrder).toHaveBeenCalledWith(42)
    expect(onPick).not.toHaveBeenCalled()
    expect(screen.getAllByTestId('slot').map((el) => el.getAttribute('data-value'))).toEqual(['2026-12-03T10:00:00+08:00'])
    expect(screen.getByTestId('slot-full').textContent).toContain('12:00–13:00')
  })

  it('a day with nothing open says its true reason: no station works then is not "约满"', () => {
    render(<SlotList slots={[slot(8, 'past'), slot(9, 'closed'), slot(10, 'closed')]} onPick={jest.fn()} onOpenOrder={jest.fn()} />)
    const reason = screen.getByTestId('day-reason').textContent ?? ''
    expect(reason).toContain('时间已过')
    expect(reason).toContain('不上门')
    expect(reason).not.toContain('约满')
    expect(screen.queryByTestId('slot')).toBeNull()
  })

  it('a time another visit of hers takes is shown in its place, greyed and not tappable, with the reason in words', () => {
    const onPick = jest.fn()
    const reason = '这个时间您已约了陪同就医（10:00–12:00）'
    render(<SlotList slots={[slot(9, 'open'), slot(10, 'overlaps', null, reason), slot(11, 'overlaps', null, reason), slot(12, 'open')]} onPick={onPick} onOpenOrder={jest.fn()} />)
    const blocked = screen.getAllByTestId('slot-overlaps')
    expect(blocked.map((el) => el.getAttribute('data-value'))).toEqual(['2026-12-03T10:00:00+08:00', '2026-12-03T11:00:00+08:00'])
    expect(blocked[0].textContent).toContain('10:00–11:00')
    expect(blocked[0].textContent).toContain('不能约')
    expect(blocked[0].textContent).toContain(reason)
    expect(blocked[0].getAttribute('aria-disabled')).toBe('true')
    fireEvent.click(blocked[0])
    expect(onPick).not.toHaveBeenCalled()
    // In time order among the times that can be tapped.
    const times = screen.getAllByTestId(/^slot(-overlaps)?$/).map((el) => el.getAttribute('data-value')?.slice(11, 16))
    expect(times).toEqual(['09:00', '10:00', '11:00', '12:00'])
  })

  it('a day whose only free times clash with her other visits says so', () => {
    render(<SlotList slots={[slot(8, 'past'), slot(9, 'overlaps', null, '这个时间您已约了陪同就医（09:00–11:00）')]} onPick={jest.fn()} onOpenOrder={jest.fn()} />)
    expect(screen.getByTestId('day-reason').textContent).toContain('和已约的服务时间冲突')
    expect(screen.getByTestId('slot-overlaps').textContent).toContain('陪同就医')
  })

  it('a full day says 约满', () => {
    render(<SlotList slots={[slot(9, 'full'), slot(10, 'full')]} onPick={jest.fn()} onOpenOrder={jest.fn()} />)
    expect(screen.getByTestId('day-reason').textContent).toContain('附近驿站都约满了')
  })
})
