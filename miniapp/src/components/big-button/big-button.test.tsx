import { act, fireEvent, render, screen } from '@testing-library/react'
import { BigButton } from './index'

function tap(testId = 'btn') {
  fireEvent.click(screen.getByTestId(testId))
}

describe('BigButton', () => {
  it('fires once per tap', () => {
    const onPress = jest.fn()
    render(<BigButton onPress={onPress} testId='btn'>确认预约</BigButton>)
    tap()
    expect(onPress).toHaveBeenCalledTimes(1)
    tap()
    expect(onPress).toHaveBeenCalledTimes(2)
  })

  it('is a labelled button for screen readers', () => {
    render(<BigButton onPress={() => undefined} testId='btn'>确认预约</BigButton>)
    const el = screen.getByTestId('btn')
    expect(el.getAttribute('role')).toBe('button')
    expect(el.textContent).toBe('确认预约')
  })

  it('ignores taps while loading', () => {
    const onPress = jest.fn()
    render(<BigButton onPress={onPress} loading loadingText='正在提交' testId='btn'>确认预约</BigButton>)
    tap()
    tap()
    expect(onPress).not.toHaveBeenCalled()
    expect(screen.getByTestId('btn').textContent).toBe('正在提交')
    expect(screen.getByTestId('btn').getAttribute('aria-disabled')).toBe('true')
  })

  it('ignores taps while disabled', () => {
    const onPress = jest.fn()
    render(<BigButton onPress={onPress} disabled testId='btn'>确认预约</BigButton>)
    tap()
    expect(onPress).not.toHaveBeenCalled()
  })

  it('ignores further taps until the promise of the first tap settles', async () => {
    let finish: () => void = () => undefined
    const onPress = jest.fn(() => new Promise<void>((resolve) => (finish = resolve)))
    render(<BigButton onPress={onPress} loadingText='正在预约' testId='btn'>确认预约</BigButton>)
    tap()
    tap()
    tap()
    expect(onPress).toHaveBeenCalledTimes(1)
    expect(screen.getByTestId('btn').textContent).toBe('正在预约')
    await act(async () => finish())
    expect(screen.getByTestId('btn').textContent).toBe('确认预约')
    tap()
    expect(onPress).toHaveBeenCalledTimes(2)
  })

  it('accepts taps again after the first tap failed', async () => {
    const onPress = jest.fn(() => Promise.reject(new Error('网络不通')))
    render(<BigButton onPress={onPress} testId='btn'>确认预约</BigButton>)
    await act(async () => tap())
    await act(async () => tap())
    expect(onPress).toHaveBeenCalledTimes(2)
  })
})
