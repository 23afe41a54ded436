import { dueAtOn, isMissed, roundCoverage, roundsToCreate, type PlanFacts, type RoundFact } from './round-schedule'
import { stationForRound } from './route-round'
import { StationIndex, type IndexedStation } from '../stations/station-index'
import { offset } from '../seed/demo-data'

const DAY = 86_400_000
const at = (iso: string) => new Date(iso)
const plan = (more: Partial<PlanFacts> = {}): PlanFacts => ({ id: 1, elderId: 7, mode: 'visit', everyDays: 7, firstDueAt: dueAtOn('2026-06-01'), endedAt: null, ...more })

describe('roundsToCreate', () => {
  it('creates the first round a day before it falls due (18:00 business time), not earlier', () => {
    expect(dueAtOn('2026-06-01').toISOString()).toBe('2026-06-01T10:00:00.000Z')
    expect(roundsToCreate([plan()], new Map(), at('2026-05-31T09:59:00Z'))).toEqual([])
    expect(roundsToCreate([plan()], new Map(), at('2026-05-31T10:00:00Z'))).toEqual([{ planId: 1, elderId: 7, mode: 'visit', dueAt: dueAtOn('2026-06-01') }])
  })

  it('follows the last round by everyDays and creates nothing twice', () => {
    const last = new Map([[1, dueAtOn('2026-06-01')]])
    expect(roundsToCreate([plan()], last, at('2026-06-03T00:00:00Z'))).toEqual([])
    expect(roundsToCreate([plan()], last, at('2026-06-07T10:00:00Z')).map((r) => r.dueAt)).toEqual([dueAtOn('2026-06-08')])
    // A frequency changed to every 3 days counts from the last round created.
    expect(roundsToCreate([plan({ everyDays: 3 })], last, at('2026-06-07T10:00:00Z')).map((r) => r.dueAt)).toEqual([dueAtOn('2026-06-04'), dueAtOn('2026-06-07')])
  })

  it('catches up after a stopped sweeper (the rounds then show as missed), and stops for an ended plan', () => {
    const late = roundsToCreate([plan({ mode: 'phone', everyDays: 3 })], new Map(), at('2026-06-10T12:00:00Z'))
    expect(late.map((r) => r.dueAt)).toEqual([dueAtOn('2026-06-01'), dueAtOn('2026-06-04'), dueAtOn('2026-06-07'), dueAtOn('2026-06-10')])
    expect(late.every((r) => r.mode === 'phone')).toBe(true)
    expect(roundsToCreate([plan({ endedAt: at('2026-05-30T00:00:00Z') })], new Map(), at('2026-06-01T00:00:00Z'))).toEqual([])
  })
})

describe('isMissed', () => {
  const due = dueAtOn('2026-06-01')
  it('flags an open round only once more than a day has passed since it fell due', () => {
    expect(isMissed({ status: 'open', dueAt: due }, new Date(due.getTime() + DAY))).toBe(false)
    expect(isMissed({ status: 'open', dueAt: due }, new Date(due.getTime() + DAY + 1))).toBe(true)
    expect(isMissed({ status: 'done', dueAt: due }, new Date(due.getTime() + 9 * DAY))).toBe(false)
  })
})

describe('roundCoverage', () => {
  const from = at('2026-05-31T16:00:00Z') // 2026-06-01 00:00 Shanghai
  const to = at('2026-06-30T16:00:00Z')
  const now = at('2026-06-20T12:00:00Z')
  const r = (elderId: number, stationId: number | null, day: string, more: Partial<RoundFact> = {}): RoundFact => {
    const dueAt = dueAtOn(day)
    return { elderId, stationId, dueAt, status: 'done', outcome: 'visited_well', recordedAt: new Date(dueAt.getTime() - 3600_000), ...more }
  }
  it('counts an elder on schedule only when every judged round was done in time and reached them', () => {
    const rounds = [
      r(1, 1, '2026-06-03'), r(1, 1, '2026-06-10'), // on schedule
      r(2, 1, '2026-06-03'), r(2, 1, '2026-06-10', { status: 'open', outcome: null, recordedAt: null }), // missed
      r(3, 2, '2026-06-05', { recordedAt: at('2026-06-07T11:00:00Z') }), // done 25 h late
      r(4, 2, '2026-06-05', { outcome: 'not_home' }), // nobody seen
      r(5, null, '2026-06-06', { outcome: 'phoned' }), // supervisors' list, phoned in time
      r(6, 2, '2026-06-20', { status: 'open', outcome: null, recordedAt: null }), // still within grace: not judged yet
      r(7, 2, '2026-05-30', { status: 'open', outcome: null, recordedAt: null }), // last month
      r(8, 2, '2026-06-04', { status: 'cancelled', outcome: null, recordedAt: null }), // plan ended
    ]
    const c = roundCoverage(rounds, from, to, now)
    expect(c.district).toEqual({ elders: 5, onSchedule: 2 })
    expect(c.byStation.get(1)).toEqual({ elders: 2, onSchedule: 1 })
    expect(c.byStation.get(2)).toEqual({ elders: 2, onSchedule: 0 })
    expect(c.byStation.get(null)).toEqual({ elders: 1, onSchedule: 1 })
    expect(c.notOnSchedule).toEqual([{ elderId: 2, stationId: 1, why: 'missed' }, { elderId: 3, stationId: 2, why: 'late' }, { elderId: 4, stationId: 2, why: 'not_reached' }])
  })
})

describe('stationForRound', () => {
  const CENTRE = { lat: 28.8776, lng: 105.4406 }
  const s = (id: number, p: { lat: number; lng: number }, status: IndexedStation['status'] = 'active', ratingTenths = 40): IndexedStation => ({
    id, name: `驿站${id}`, kind: 'station', ...p, circleMinutes: 15, circleMeters: null, circlePolygon: null, travelMode: 'walk', speedMetersPerMinute: 75,
    detourPermille: 1300, status, operatorName: '', address: '', phone: '', ratingTenths, ratingCount: 5,
  })
  it('goes to the nearest active station whose circle covers the home, skips suspended ones, and to nobody outside every circle', () => {
    const index = new StationIndex([s(1, offset(CENTRE, 600, 0)), s(2, offset(CENTRE, 300, 2)), s(3, offset(CENTRE, 100, 4), 'suspended')])
    expect(stationForRound(index, CENTRE)).toBe(2)
    expect(stationForRound(index, offset(CENTRE, 5000, 1))).toBeNull()
  })
})
