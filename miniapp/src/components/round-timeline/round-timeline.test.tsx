import { render } from '@testing-library/react'
import type { CareRound, ElderRoundsResponse } from '@carecircle/shared'
import { RoundTimeline } from '.'

const round = (over: Partial<CareRound>): CareRound => ({
  id: 1, planId: 1, elder: { id: 1, name: '王秀英', address: null, phone: '138****0001' }, planNote: null, station: { id: 1, name: '兴隆驿站' }, mode: 'visit', modeLabel: '上门走访',
  dueAt: '2026-11-24T18:00:00+08:00', status: 'done', missed: false, outcome: 'visited_well', outcomeLabel: '看过了，一切都好',
  note: null, recordedBy: '张师傅', recordedAt: '2026-11-24T10:00:00+08:00', ...over,
})
const plan = {
  id: 1, elder: { id: 1, name: '王秀英' }, reason: 'very_old' as const, reasonLabel: '高龄', note: null, mode: 'visit' as const, everyDays: 7,
  frequencyText: '每 7 天上门走访一次', firstDueAt: '2026-11-03T18:00:00+08:00', endedAt: null,
}

describe('RoundTimeline', () => {
  it('lists the month’s rounds newest first in plain words, with the note of 需要帮助', () => {
    const data: ElderRoundsResponse = {
      elder: { id: 1, name: '王秀英' }, plan,
      rounds: [round({}), round({ id: 2, dueAt: '2026-12-01T18:00:00+08:00', outcome: 'needs_help', note: '腿疼下不了楼', recordedAt: '2026-12-01T09:00:00+08:00' })],
    }
    const { getAllByTestId, getByTestId } = render(<RoundTimeline data={data} />)
    const lines = getAllByTestId('round-line').map((el) => el.textContent)
    expect(lines).toEqual(['12月1日 需要帮助情况：腿疼下不了楼', '11月24日 看过了，一切都好'])
    expect(getByTestId('round-plan').textContent).toBe('社区每 7 天上门走访一次，看看王秀英是否安好（高龄）。')
  })

  it('shows nothing for an elder without rounds', () => {
    const { container } = render(<RoundTimeline data={{ elder: { id: 1, name: '王秀英' }, plan: null, rounds: [] }} />)
    expect(container.textContent).toBe('')
  })
})
