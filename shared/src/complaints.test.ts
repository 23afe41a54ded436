import {
  allowedComplaintActions, complaintStep, isFinalAnswer, partyOfRole, COMPLAINT_ACTIONS, COMPLAINT_PARTIES, COMPLAINT_STATUSES, COMPLAINT_STEPS,
  type ComplaintAction, type ComplaintParty, type ComplaintStatus,
} from './complaints'
import { ROLES } from './auth'

/** The whole machine written out as a reader would say it: [from, action, party, to]. */
const EXPECTED: [ComplaintStatus, ComplaintAction, ComplaintParty, ComplaintStatus][] = [
  ['submitted', 'respond', 'station', 'acknowledged'],
  ['submitted', 'resolve', 'station', 'resolved'],
  ['acknowledged', 'resolve', 'station', 'resolved'],
  ['escalated', 'resolve', 'supervisor', 'resolved'],
  ['reopened', 'resolve', 'supervisor', 'resolved'],
  ['submitted', 'escalate', 'supervisor', 'escalated'],
  ['acknowledged', 'escalate', 'supervisor', 'escalated'],
  ['reopened', 'escalate', 'supervisor', 'escalated'],
  ['submitted', 'escalate', 'system', 'escalated'],
  ['acknowledged', 'escalate', 'system', 'escalated'],
  ['resolved', 'reopen', 'complainant', 'reopened'],
  ['resolved', 'confirm', 'complainant', 'closed'],
  ['resolved', 'confirm', 'system', 'closed'],
]

describe('the complaint state machine', () => {
  it('allows exactly the declared steps: every status × action × party', () => {
    let checked = 0
    for (const status of COMPLAINT_STATUSES) {
      for (const action of COMPLAINT_ACTIONS) {
        for (const party of COMPLAINT_PARTIES) {
          const want = EXPECTED.find(([f, a, p]) => f === status && a === action && p === party)
          expect([status, action, party, complaintStep(action, status, party)?.to ?? null]).toEqual([status, action, party, want?.[3] ?? null])
          checked++
        }
      }
    }
    expect(checked).toBe(COMPLAINT_STATUSES.length * COMPLAINT_ACTIONS.length * COMPLAINT_PARTIES.length)
  })

  it('a closed complaint allows nothing to anyone', () => {
    for (const party of COMPLAINT_PARTIES) expect(allowedComplaintActions({ status: 'closed', reopenCount: 0 }, party)).toEqual([])
  })

  it('the station can never close or reopen; the complainant can never resolve or escalate', () => {
    for (const status of COMPLAINT_STATUSES) {
      const c = { status, reopenCount: 0 }
      expect(allowedComplaintActions(c, 'station')).not.toContain('confirm')
      expect(allowedComplaintActions(c, 'station')).not.toContain('reopen')
      expect(allowedComplaintActions(c, 'complainant')).not.toContain('resolve')
      expect(allowedComplaintActions(c, 'complainant')).not.toContain('escalate')
    }
  })

  it('reopening is possible once: after it the complainant may only confirm, and the answer is final', () => {
    expect(allowedComplaintActions({ status: 'resolved', reopenCount: 0 }, 'complainant')).toEqual(['reopen', 'confirm'])
    expect(isFinalAnswer({ status: 'resolved', reopenCount: 0 })).toBe(false)
    expect(allowedComplaintActions({ status: 'resolved', reopenCount: 1 }, 'complainant')).toEqual(['confirm'])
    expect(isFinalAnswer({ status: 'resolved', reopenCount: 1 })).toBe(true)
    expect(isFinalAnswer({ status: 'closed', reopenCount: 1 })).toBe(true)
    // Reopened and not yet decided: nothing final yet.
    expect(isFinalAnswer({ status: 'reopened', reopenCount: 1 })).toBe(false)
  })

  it('maps every role to one party and every step to declared statuses', () => {
    for (const role of ROLES) expect(COMPLAINT_PARTIES).toContain(partyOfRole(role))
    for (const action of COMPLAINT_ACTIONS) {
      for (const step of Object.values(COMPLAINT_STEPS[action])) {
        for (const s of [...step!.from, step!.to]) expect(COMPLAINT_STATUSES).toContain(s)
      }
    }
  })
})
