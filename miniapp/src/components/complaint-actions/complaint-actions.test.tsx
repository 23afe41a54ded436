import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ComplaintActions } from '.'
import { complaintFixture } from '../complaint-view/fixture'

const send = Taro.request as unknown as jest.Mock
beforeEach(() => send.mockReset())

const typeInto = (testId: string, value: string) => {
  // Taro's fields report what was typed in the event's detail, as the mini-program does.
  act(() => {
    screen.getByTestId(testId).dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }))
  })
}

describe('ComplaintActions', () => {
  it('shows only the allowed steps, labelled for the viewer’s part', () => {
    render(<ComplaintActions complaint={complaintFixture({ status: 'resolved', allowedActions: ['reopen', 'confirm'] })} role='elder' onChanged={jest.fn()} />)
    expect(screen.getByTestId('complaint-action-confirm').textContent).toBe('满意，确认办结')
    expect(screen.getByTestId('complaint-action-reopen').textContent).toBe('不满意，重新投诉')
    expect(screen.queryByTestId('complaint-action-respond')).toBeNull()
  })

  it('when the one reopen is spent: no 不满意 button; it says this is the final answer and what else the person can do', () => {
    render(<ComplaintActions complaint={complaintFixture({ status: 'resolved', allowedActions: ['confirm'], finalAnswer: true })} role='family' onChanged={jest.fn()} />)
    expect(screen.queryByTestId('complaint-action-reopen')).toBeNull()
    expect(screen.getByTestId('complaint-action-confirm').textContent).toBe('满意，确认办结')
    const final = screen.getByTestId('final-answer').textContent
    expect(final).toContain('这是最终答复')
    expect(final).toContain('12349')
  })

  it('says it is final on a closed complaint too, and never to the station', () => {
    const closed = complaintFixture({ status: 'closed', allowedActions: [], finalAnswer: true })
    render(<ComplaintActions complaint={closed} role='elder' onChanged={jest.fn()} />)
    expect(screen.getByTestId('final-answer').textContent).toContain('这是最终答复')
    const { container } = render(<ComplaintActions complaint={closed} role='station_admin' onChanged={jest.fn()} />)
    expect(container.textContent).toBe('')
  })

  it('shows nothing when no step is allowed', () => {
    const { container } = render(<ComplaintActions complaint={complaintFixture()} role='staff' onChanged={jest.fn()} />)
    expect(container.textContent).toBe('')
  })

  it('reopening needs a reason and sends it', async () => {
    const onChanged = jest.fn()
    render(<ComplaintActions complaint={complaintFixture({ status: 'resolved', allowedActions: ['reopen', 'confirm'] })} role='elder' onChanged={onChanged} />)
    fireEvent.click(screen.getByTestId('complaint-action-reopen'))
    expect(screen.queryByTestId('complaint-action-confirm')).toBeNull() // only the open step shows
    fireEvent.click(screen.getByTestId('complaint-action-reopen-confirm'))
    expect(send).not.toHaveBeenCalled()
    expect(screen.getByTestId('complaint-action-reopen-step').textContent).toContain('选一个原因或写上原因后，才能提交')

    fireEvent.click(screen.getAllByTestId('reopen-reason')[0])
    send.mockResolvedValueOnce({ statusCode: 200, data: complaintFixture({ status: 'reopened' }) })
    await act(async () => {
      fireEvent.click(screen.getByTestId('complaint-action-reopen-confirm'))
    })
    expect(send.mock.calls[0][0].url).toBe('/api/complaints/42/reopen')
    expect(send.mock.calls[0][0].data).toEqual({ message: '钱没有退' })
    expect(onChanged).toHaveBeenCalledWith(expect.objectContaining({ status: 'reopened' }))
  })

  it('a station’s answer turns a refund in yuan into whole fen, and refuses a wrong amount', async () => {
    render(<ComplaintActions complaint={complaintFixture({ status: 'acknowledged', allowedActions: ['resolve'] })} role='station_admin' onChanged={jest.fn()} />)
    expect(screen.getByTestId('complaint-action-resolve').textContent).toBe('答复办结')
    fireEvent.click(screen.getByTestId('complaint-action-resolve'))
    typeInto('complaint-message', '已当面退还多收的钱')
    typeInto('complaint-refund', '10.5.0')
    expect(screen.getByTestId('complaint-action-resolve-step').textContent).toContain('退款金额请写数字')
    fireEvent.click(screen.getByTestId('complaint-action-resolve-confirm'))
    expect(send).not.toHaveBeenCalled()

    typeInto('complaint-refund', '10.5')
    expect(screen.getByTestId('complaint-action-resolve-step').textContent).toContain('将记录退款 ¥10.50')
    send.mockResolvedValueOnce({ statusCode: 200, data: complaintFixture({ status: 'resolved', refundFen: 1050 }) })
    await act(async () => {
      fireEvent.click(screen.getByTestId('complaint-action-resolve-confirm'))
    })
    expect(send.mock.calls[0][0].data).toEqual({ message: '已当面退还多收的钱', refundFen: 1050 })
  })

  it('a supervisor’s resolve is a decision, and leaving the refund empty keeps the one already recorded', async () => {
    render(<ComplaintActions complaint={complaintFixture({ status: 'reopened', refundFen: 3000, allowedActions: ['resolve', 'escalate'] })} role='supervisor' onChanged={jest.fn()} />)
    expect(screen.getByTestId('complaint-action-resolve').textContent).toBe('督办决定')
    fireEvent.click(screen.getByTestId('complaint-action-resolve'))
    const step = screen.getByTestId('complaint-action-resolve-step').textContent!
    expect(step).toContain('不填就保留已记录的 ¥30.00')
    expect(screen.getByTestId('complaint-action-resolve-confirm').textContent).toBe('提交督办决定')
    typeInto('complaint-message', '责令驿站向老人道歉')
    send.mockResolvedValueOnce({ statusCode: 200, data: complaintFixture({ status: 'resolved', refundFen: 3000 }) })
    await act(async () => {
      fireEvent.click(screen.getByTestId('complaint-action-resolve-confirm'))
    })
    expect(send.mock.calls[0][0].data).toEqual({ message: '责令驿站向老人道歉' })
  })

  it('says what went wrong when the server refuses, and keeps what was written', async () => {
    render(<ComplaintActions complaint={complaintFixture({ allowedActions: ['respond'] })} role='station_admin' onChanged={jest.fn()} />)
    fireEvent.click(screen.getByTestId('complaint-action-respond'))
    send.mockResolvedValueOnce({ statusCode: 409, data: { error: { code: 'ILLEGAL_TRANSITION', message: '这条投诉已经受理过了' } } })
    await act(async () => {
      fireEvent.click(screen.getByTestId('complaint-action-respond-confirm'))
    })
    expect(screen.getByTestId('error-state').textContent).toContain('这条投诉已经受理过了')
    expect(screen.getByTestId('complaint-action-respond-step')).toBeTruthy()
  })
})
