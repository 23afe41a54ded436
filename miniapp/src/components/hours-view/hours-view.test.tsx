import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { HoursResponse } from '@carecircle/shared'
import { Balances, Movements, TierCard } from '.'

const hours: HoursResponse = {
  elderId: 1,
  weekStart: '2026-11-30',
  tier: { elderId: 1, tier: 'free', category: 'age_90_plus', categoryLabel: '90 岁以上', verified: true, verifiedAt: '2026-01-05T10:00:00+08:00', expiresAt: null, explanation: '您是 90 岁以上老人，助洁、助医等服务免费，每周还有政府购买的服务时长' },
  balances: [{ kind: 'housekeeping', grantedMinutes: 180, usedMinutes: 60, remainingMinutes: 120, text: '家政：本周还剩 2 小时（共 3 小时）' }],
  ledger: [
    { id: 3, at: '2026-12-01T09:00:00+08:00', kind: 'housekeeping', movement: 'use', deltaMinutes: -60, reason: '预约使用', orderId: 77 },
    { id: 1, at: '2026-11-30T00:00:00+08:00', kind: 'housekeeping', movement: 'grant', deltaMinutes: 180, reason: '每周发放', orderId: null },
  ],
  weeklyGrant: { housekeepingMinutes: 180, medicalMinutes: 60, overridden: false },
}

describe('我的补贴 views', () => {
  it('says the tier and why in plain words', () => {
    render(<TierCard hours={hours} />)
    expect(screen.getByTestId('subsidy-tier').textContent).toContain('收费类别：无偿')
    expect(screen.getByTestId('subsidy-why').textContent).toBe(hours.tier.explanation)
    expect(screen.getByTestId('subsidy-tier').textContent).toContain('2026年1月5日')
  })

  it('shows the week’s balance per kind with the number kept whole', () => {
    render(<Balances hours={hours} />)
    const b = screen.getByTestId('subsidy-balance')
    expect(b.textContent).toBe('家政：本周还剩 2 小时（共 3 小时）')
    expect(b.querySelector('.nowrap')?.textContent).toBe('2 小时')
  })

  it('lists the movements in words, and a use links to its order', () => {
    render(<Movements hours={hours} />)
    const rows = screen.getAllByTestId('subsidy-movement')
    expect(rows.map((r) => r.getAttribute('data-movement'))).toEqual(['use', 'grant'])
    expect(rows[0].textContent).toContain('预约服务用了家政 1 小时')
    expect(rows[1].textContent).toContain('每周发放：家政 3 小时')
    expect(rows[1].querySelector('[data-testid="movement-order"]')).toBeNull()
    fireEvent.click(screen.getByTestId('movement-order'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/orders/detail/index?id=77' })
  })
})
