import { act, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { SUPERVISOR, signIn } from '../../../jest/signed-in'
import { COMPLAINT_STATUSES, COMPLAINT_STATUS_LABELS } from '@carecircle/shared'
import { complaintFixture } from '../../components/complaint-view/fixture'
import SupervisorComplaintsPage from './index'

const send = Taro.request as unknown as jest.Mock

beforeEach(() => {
  send.mockReset()
  signIn(SUPERVISOR)
})

describe('投诉督办: the status filters and the cards speak the same words', () => {
  it('each card’s status starts with the label of the filter that lists it; only 督办中 ones speak of 督办', async () => {
    const complaints = COMPLAINT_STATUSES.map((status, i) => complaintFixture({ id: 100 + i, status, statusLabel: COMPLAINT_STATUS_LABELS[status], nextDeadline: null }))
    send.mockResolvedValue({ statusCode: 200, data: { complaints, nextCursor: null } })
    await act(async () => {
      render(<SupervisorComplaintsPage />)
    })
    const filterLabel = new Map(
      screen.getAllByTestId('status-filter').map((f) => [f.getAttribute('data-value'), f.querySelector('.choice-label')!.textContent!]),
    )
    const cards = screen.getAllByTestId('complaint-status')
    expect(cards).toHaveLength(COMPLAINT_STATUSES.length)
    for (const card of cards) {
      const status = card.getAttribute('data-status')!
      const label = filterLabel.get(status)
      expect({ status, label }).toEqual({ status, label: expect.any(String) })
      expect({ status, words: card.textContent }).toEqual({ status, words: expect.stringMatching(new RegExp(`^${label}`)) })
      if (status !== 'escalated') expect({ status, words: card.textContent }).toEqual({ status, words: expect.not.stringContaining('督办') })
    }
  })
})
