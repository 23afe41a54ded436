import { render, screen } from '@testing-library/react'
import { InviteCode } from './index'

describe('InviteCode', () => {
  it('shows each digit on its own and is read digit by digit', () => {
    render(<InviteCode code='012345' />)
    const code = screen.getByTestId('invite-code')
    expect(code.getAttribute('aria-label')).toBe('邀请码 0 1 2 3 4 5')
    expect(code.querySelectorAll('.invite-digit')).toHaveLength(6)
    expect(code.textContent).toBe('012345')
  })

  it('8 digits come in two groups of 4, still read digit by digit', () => {
    render(<InviteCode code='12345678' />)
    const code = screen.getByTestId('invite-code')
    expect(Array.from(code.querySelectorAll('.invite-group'), (g) => g.textContent)).toEqual(['1234', '5678'])
    expect(code.getAttribute('aria-label')).toBe('邀请码 1 2 3 4 5 6 7 8')
  })
})
