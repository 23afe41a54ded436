import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { SUPERVISOR, signIn } from '../../../jest/signed-in'
import type { ElderListItem, ElderTier, HoursResponse } from '@carecircle/shared'
import { ElderPanel } from './index'

const send = Taro.request as unknown as jest.Mock

const ZHANG: ElderListItem = {
  id: 3, name: '张桂兰', status: 'active', tier: 'paid', tierVerified: true, phone: '138****0003', address: '江阳区滨江路 15 号',
  age: 71, createdAt: '2026-11-01T10:00:00+08:00', confirmedAt: null,
}
const tier = (t: 'paid' | 'low'): ElderTier => ({
  elderId: 3, tier: t, category: t === 'low' ? 'empty_nest' : 'none', categoryLabel: t === 'low' ? '空巢' : '都不符合', verified: t === 'low',
  verifiedAt: null, expiresAt: null, explanation: t === 'low' ? '张桂兰是空巢老人（子女不在本市），服务按低偿价格收费' : '张桂兰按有偿价格收费',
})
const hours = (t: 'paid' | 'low'): HoursResponse => ({
  elderId: 3, weekStart: '2026-11-23', tier: tier(t), balances: [], ledger: [], weeklyGrant: { housekeepingMinutes: 0, medicalMinutes: 0, overridden: false },
})

beforeEach(() => {
  send.mockReset()
  signIn(SUPERVISOR)
})

describe('老人补贴认定', () => {
  it('after saving, the elder’s card says the tier just saved, the same as the tier card below it', async () => {
    let saved = false
    send.mockImplementation(async ({ url, method }: { url: string; method: string }) => {
      if (method === 'PUT' && url === '/api/elders/3/tier') {
        saved = true
        return { statusCode: 200, data: tier('low') }
      }
      return { statusCode: 200, data: hours(saved ? 'low' : 'paid') }
    })
    await act(async () => {
      render(<ElderPanel elder={ZHANG} onBack={jest.fn()} />)
    })
    expect(screen.getByTestId('elder-result').textContent).toContain('有偿')
    fireEvent.click(screen.getAllByTestId('tier-category').find((c) => c.getAttribute('data-value') === 'empty_nest')!)
    fireEvent(screen.getByTestId('tier-reason'), new CustomEvent('input', { detail: { value: '核实子女户籍在外地' } }))
    await act(async () => {
      fireEvent.click(screen.getByTestId('tier-submit'))
    })
    expect(saved).toBe(true)
    const header = screen.getByTestId('elder-result').textContent!
    expect(header).toContain('低偿')
    expect(header).not.toContain('有偿')
  })
})
