import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Page } from './index'
import { CareModeToggle } from '../care-mode-toggle'

beforeEach(() => Taro.clearStorageSync())

function pageRoot(): HTMLElement {
  const root = document.querySelector('[data-care-mode]')
  if (!root) throw new Error('page root not rendered')
  return root as HTMLElement
}

describe('Page and 长辈版', () => {
  it('puts the help bar, the heading and the bottom nav on a resident screen', () => {
    render(<Page title='首页' active='home'>内容</Page>)
    expect(screen.getByTestId('help-bar').textContent).toContain('12349')
    expect(screen.getByRole('heading').textContent).toBe('首页')
    expect(screen.getByTestId('nav-home').getAttribute('aria-current')).toBe('page')
  })

  it('gives the page its landmarks: main for the content, the help bar and the nav beside it', () => {
    render(<Page title='首页' active='home'>内容</Page>)
    const main = screen.getByRole('main')
    expect(main.textContent).toContain('内容')
    expect(main.contains(screen.getByRole('heading'))).toBe(true)
    expect(main.contains(screen.getByTestId('help-bar'))).toBe(false)
    expect(screen.getByRole('region', { name: '求助电话' })).toBe(screen.getByTestId('help-bar'))
    expect(screen.getByRole('navigation')).toBeTruthy()
  })

  it('the switch turns care mode on for the page, says so in words, and remembers it', () => {
    render(
      <Page title='我的' active='mine'>
        <CareModeToggle />
      </Page>,
    )
    const toggle = screen.getByTestId('care-mode-toggle')
    expect(pageRoot().className).not.toContain('care')
    expect(toggle.getAttribute('aria-checked')).toBe('false')
    expect(toggle.textContent).toContain('已关闭')

    act(() => {
      fireEvent.click(toggle)
    })
    expect(pageRoot().className).toContain('care')
    expect(toggle.getAttribute('aria-checked')).toBe('true')
    expect(toggle.textContent).toContain('已开启')
    expect(Taro.getStorageSync('cc.careMode')).toBe(true)
  })

  it('a page opened later starts in care mode', () => {
    Taro.setStorageSync('cc.careMode', true)
    render(<Page title='订单'>内容</Page>)
    expect(pageRoot().className).toContain('care')
  })
})
