import { act, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { SUPERVISOR, signIn } from '../../../jest/signed-in'
import type { RoundCoverageResponse } from '@carecircle/shared'
import RoundCoveragePage from './index'

const send = Taro.request as unknown as jest.Mock

function answer(cov: RoundCoverageResponse) {
  send.mockImplementation(async ({ url }: { url: string }) =>
    url.startsWith('/api/care-rounds/missed') ? { statusCode: 200, data: { rounds: [], nextCursor: null } } : { statusCode: 200, data: cov },
  )
}

beforeEach(() => {
  send.mockReset()
  signIn(SUPERVISOR)
})

describe('巡访情况', () => {
  it('when no round was due this month it says so, not "没有老人" nor "都按时巡访到了"', async () => {
    answer({ month: '2026-12', target: 1, district: { elders: 0, onSchedule: 0, share: null }, stations: [], notOnSchedule: [] })
    await act(async () => {
      render(<RoundCoveragePage />)
    })
    const district = screen.getByTestId('round-district').textContent!
    expect(district).toContain('本月还没有到期的巡访')
    const page = document.body.textContent!
    expect(page).not.toContain('没有老人')
    expect(page).not.toContain('都按时巡访到了')
  })

  it('when rounds were due and all were on schedule, says that', async () => {
    answer({ month: '2026-12', target: 1, district: { elders: 3, onSchedule: 3, share: 1 }, stations: [], notOnSchedule: [] })
    await act(async () => {
      render(<RoundCoveragePage />)
    })
    expect(screen.getByTestId('round-district').textContent).toContain('3 位中 3 位按时巡访到，占 100%')
    expect(document.body.textContent).toContain('都按时巡访到了')
  })
})
