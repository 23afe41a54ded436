import { render, screen } from '@testing-library/react'
import type { CareRound } from '@carecircle/shared'
import { RoundTask } from './round-task'

const ROUND: CareRound = {
  id: 12, planId: 3,
  elder: { id: 1, name: '王秀英', address: '泸州市江阳区江阳中路 88 号 3 栋 2 单元 101', phone: '13800000001' },
  planNote: '92 岁，白内障，敲门要用力',
  station: { id: 1, name: '兴隆养老服务驿站' },
  mode: 'visit', modeLabel: '上门走访', dueAt: '2026-11-03T18:00:00+08:00', status: 'open', missed: false,
  outcome: null, outcomeLabel: null, note: null, recordedBy: null, recordedAt: null,
}

describe('巡访任务 card', () => {
  it('gives the worker the address, the plan’s note and a big call button (tel:) for the elder', () => {
    render(<RoundTask round={ROUND} onDone={jest.fn()} now={Date.parse('2026-11-03T09:00:00+08:00')} />)
    const card = screen.getByTestId('round-task').textContent!
    expect(card).toContain('泸州市江阳区江阳中路 88 号 3 栋 2 单元 101')
    expect(card).toContain('92 岁，白内障，敲门要用力')
    const call = screen.getByTestId('round-call')
    expect(call.getAttribute('href')).toBe('tel:13800000001')
    expect(call.textContent).toContain('打电话给王秀英')
  })

  it('says so when the elder has no phone on record, and shows no masked number as if it could be called', () => {
    render(<RoundTask round={{ ...ROUND, elder: { ...ROUND.elder, phone: null }, planNote: null }} onDone={jest.fn()} />)
    expect(screen.queryByTestId('round-call')).toBeNull()
    expect(screen.getByTestId('round-task').textContent).toContain('老人没有登记电话')
  })
})
