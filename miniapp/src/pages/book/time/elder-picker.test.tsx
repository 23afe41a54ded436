import { fireEvent, render, screen } from '@testing-library/react'
import type { ElderSummary } from '@carecircle/shared'
import { ElderPicker } from './elder-picker'

const elder = (id: number, name: string, status: ElderSummary['status'] = 'active'): ElderSummary => ({
  id, name, status, tier: 'paid', tierVerified: true, home: { lat: 28.88, lng: 105.44, address: '江阳区' },
})

describe('为谁预约', () => {
  it('offers the bookable parents, marks the chosen one in words, and names a pending profile without offering it', () => {
    const onPick = jest.fn()
    render(<ElderPicker elders={[elder(1, '王秀英'), elder(2, '王建华'), elder(3, '李桂芳', 'pending')]} elderId={2} onPick={onPick} />)
    const choices = screen.getAllByTestId('elder')
    expect(choices.map((c) => c.getAttribute('data-value'))).toEqual(['1', '2'])
    expect(choices[1].textContent).toContain('已选')
    expect(screen.getByTestId('elder-pending').textContent).toContain('李桂芳的资料还在等驿站工作人员上门确认')
    fireEvent.click(choices[0])
    expect(onPick).toHaveBeenCalledWith(1)
  })
})
