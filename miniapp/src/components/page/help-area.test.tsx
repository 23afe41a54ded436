import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Page } from '.'
import { ComplaintActions } from '../complaint-actions'
import { ErrorState } from '../error-state'
import { complaintFixture } from '../complaint-view/fixture'

const send = Taro.request as unknown as jest.Mock
beforeEach(() => send.mockReset())

/** 12349 is the residents' hotline: staff and supervisor screens never offer it as their own help. */
describe('help on a failure depends on whose screen it is', () => {
  it('a resident’s screen offers 12349', () => {
    render(<Page title='我的订单'><ErrorState error={{ message: '网络不通' }} onRetry={jest.fn()} /></Page>)
    expect(screen.getByTestId('error-state').textContent).toContain('拨打 12349 求助')
  })

  it('a station’s complaint step that fails says what happened, without 12349', async () => {
    render(
      <Page title='投诉详情' nav='staff' active='complaints' help={false}>
        <ComplaintActions complaint={complaintFixture({ allowedActions: ['respond'] })} role='station_admin' onChanged={jest.fn()} />
      </Page>,
    )
    fireEvent.click(screen.getByTestId('complaint-action-respond'))
    send.mockResolvedValueOnce({ statusCode: 409, data: { error: { code: 'ILLEGAL_TRANSITION', message: '这条投诉已经受理过了' } } })
    await act(async () => {
      fireEvent.click(screen.getByTestId('complaint-action-respond-confirm'))
    })
    const shown = screen.getByTestId('error-state').textContent!
    expect(shown).toContain('这条投诉已经受理过了')
    expect(shown).not.toContain('12349')
  })

  it('a supervisor’s screen offers no hotline either', () => {
    render(<Page title='投诉督办' nav='supervisor' help={false}><ErrorState error={{ message: '网络不通' }} onRetry={jest.fn()} /></Page>)
    expect(screen.getByTestId('error-state').textContent).not.toContain('12349')
  })
})
