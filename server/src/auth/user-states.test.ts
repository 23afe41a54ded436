import type { Db } from '../db/client'
import { UserStates } from './user-states'

/** A database stand-in that answers the one read UserStates makes, after `delayMs`, counting the reads. */
function slowDb(delayMs: number, rows: () => unknown[]) {
  let reads = 0
  const chain = { from: () => chain, where: () => chain, limit: async () => { reads++; await new Promise((r) => setTimeout(r, delayMs)); return rows() } }
  return { db: { select: () => chain } as unknown as Db, reads: () => reads }
}

const row = (sessionVersion: number) => ({ name: '张桂兰', role: 'elder', stationId: null, disabledAt: null, sessionVersion })

it('a forget() that lands while the state is being read makes it read again instead of failing the request', async () => {
  let version = 1
  const { db, reads } = slowDb(30, () => [row(version)])
  const states = new UserStates(db, 5_000)
  const pending = states.get(7)
  await new Promise((r) => setTimeout(r, 5))
  version = 2 // logged out: the change commits, then every process forgets the user
  states.forgetHere(7)
  await expect(pending).resolves.toMatchObject({ sessionVersion: 2 })
  expect(reads()).toBe(2)
})

it('a database that fails still fails the read (the error middleware makes it a 503)', async () => {
  const chain = { from: () => chain, where: () => chain, limit: async () => { throw new Error('connect ECONNREFUSED') } }
  const states = new UserStates({ select: () => chain } as unknown as Db, 5_000)
  await expect(states.get(7)).rejects.toThrow('ECONNREFUSED')
})
