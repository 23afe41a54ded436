import { render, screen } from '@testing-library/react'
import { HelpBar } from './index'

describe('HelpBar', () => {
  it('always offers 12349 as a real tel: link', () => {
    render(<HelpBar />)
    const bar = screen.getByTestId('help-bar')
    expect(bar.textContent).toContain('12349')
    const hotline = screen.getByTestId('call-hotline')
    expect(hotline.tagName).toBe('A')
    expect(hotline.getAttribute('href')).toBe('tel:12349')
    expect(hotline.getAttribute('aria-label')).toContain('12349')
  })

  it('adds the station and bound family when known', () => {
    render(
      <HelpBar
        station={{ name: '兴隆驿站', phone: '0830-1234567' }}
        family={[{ name: '张明', relation: '儿子', phone: '13800000011' }]}
      />,
    )
    expect(screen.getByTestId('call-station').getAttribute('href')).toBe('tel:08301234567')
    expect(screen.getByTestId('call-family').getAttribute('href')).toBe('tel:13800000011')
    expect(screen.getByTestId('call-family').textContent).toContain('儿子')
  })

  it('leaves out what it does not know rather than showing a dead button', () => {
    render(<HelpBar station={null} />)
    expect(screen.queryByTestId('call-station')).toBeNull()
    expect(screen.queryByTestId('call-family')).toBeNull()
  })
})
