import { act, fireEvent, render, screen } from '@testing-library/react'
import type { WaitingVersion } from '@carecircle/shared'
import { PublishStep } from './publish-step'

const change = (text: string) => ({ serviceId: 2, name: '居家保洁', kind: 'changed' as const, before: null, after: null, text })
const WAITING: WaitingVersion[] = [
  { id: 3, effectiveFrom: '2027-01-01T00:00:00+08:00', changes: [change('“居家保洁”：标准价 ¥42.50 → ¥42.00')] },
  { id: 8, effectiveFrom: '2027-03-01T08:00:00+08:00', changes: [] },
]
const tap = async (testId: string) => {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId))
  })
}

describe('PublishStep before versions already waiting for their time', () => {
  it('shows each waiting version and what it will change, and publishes only on 知道了，仍然公示 with their ids', async () => {
    const onPublish = jest.fn().mockResolvedValueOnce(WAITING).mockResolvedValueOnce(null)
    const onConfirming = jest.fn()
    render(<PublishStep onPublish={onPublish} onBack={() => undefined} onConfirming={onConfirming} />)
    await tap('publish-confirm')
    expect(onConfirming).toHaveBeenLastCalledWith(true)
    const [at, confirmed] = onPublish.mock.calls[0]!
    expect(at).toMatch(/T00:00:00\+08:00$/)
    expect(confirmed).toBeUndefined()

    const summary = screen.getByTestId('waiting-summary').textContent!
    expect(summary).toContain('本站还有 2 版已经公示、还没到时间的价格')
    expect(summary).toMatch(/到 2027年1月1日.*00:00 就会换成下面第一版的价格/)
    const cards = screen.getAllByTestId('waiting-version').map((c) => c.textContent)
    expect(cards[0]).toMatch(/2027年1月1日.*00:00 起，价格会这样变：· “居家保洁”：标准价 ¥42.50 → ¥42.00/)
    expect(cards[1]).toMatch(/2027年3月1日.*08:00 起，价格会这样变：和前一版一样，不会变。/)
    expect(screen.queryByTestId('publish-confirm')).toBeNull()

    await tap('waiting-confirm-publish')
    expect(onPublish).toHaveBeenLastCalledWith(at, [3, 8])
  })

  it('换一个生效时间 goes back to the choice of time without publishing', async () => {
    const onPublish = jest.fn().mockResolvedValue(WAITING.slice(0, 1))
    const onConfirming = jest.fn()
    render(<PublishStep onPublish={onPublish} onBack={() => undefined} onConfirming={onConfirming} />)
    await tap('publish-confirm')
    expect(screen.getByTestId('waiting-summary').textContent).toContain('本站还有一版已经公示')
    await tap('waiting-back')
    expect(onConfirming).toHaveBeenLastCalledWith(false)
    expect(screen.getByTestId('publish-step')).toBeTruthy()
    expect(onPublish).toHaveBeenCalledTimes(1)
  })
})
