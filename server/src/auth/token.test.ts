import { SignJWT, UnsecuredJWT } from 'jose'
import { currentAuth, signToken, TokenVerifier, verifyToken, type Auth } from './token'
import { UserStates } from './user-states'

const secret = new TextEncoder().encode('unit-test-secret-unit-test-secret-0123')
const elder: Auth = { userId: 5001, role: 'elder', stationId: null }
const staff: Auth = { userId: 1011, role: 'staff', stationId: 1 }

async function rejection(token: string, key = secret) {
  try {
    await verifyToken(token, key)
  } catch (e) {
    const err = e as { status: number; code: string }
    return { status: err.status, code: err.code }
  }
  throw new Error('token was accepted')
}

describe('signToken / verifyToken', () => {
  it.each([elder, staff])('round-trips who is calling: %j', async (auth) => {
    const { token } = await signToken(auth, secret, 3600)
    expect(await verifyToken(token, secret)).toEqual({ ...auth, sessionVersion: 0 })
  })

  it('expiresAt is now + ttl, to the second', async () => {
    const now = new Date('2026-11-23T02:00:00.400Z')
    const { expiresAt } = await signToken(elder, secret, 600, now)
    expect(expiresAt).toBe('2026-11-23T02:10:00.000Z')
  })

  it('an expired token → 401 TOKEN_EXPIRED', async () => {
    const { token } = await signToken(elder, secret, -10)
    expect(await rejection(token)).toEqual({ status: 401, code: 'TOKEN_EXPIRED' })
  })

  it('another secret → 401 UNAUTHENTICATED', async () => {
    const { token } = await signToken(elder, secret, 3600)
    expect(await rejection(token, new TextEncoder().encode('another-secret-another-secret-0123456'))).toEqual({ status: 401, code: 'UNAUTHENTICATED' })
  })

  it('a tampered payload → 401 UNAUTHENTICATED', async () => {
    const { token } = await signToken(elder, secret, 3600)
    const [h, , s] = token.split('.')
    const payload = Buffer.from(JSON.stringify({ sub: '1', role: 'supervisor', iss: 'carecircle', exp: 4e9 })).toString('base64url')
    expect(await rejection(`${h}.${payload}.${s}`)).toEqual({ status: 401, code: 'UNAUTHENTICATED' })
  })

  it('an unsigned ("alg": "none") token → 401 UNAUTHENTICATED', async () => {
    const token = new UnsecuredJWT({ role: 'supervisor' }).setSubject('1').setIssuer('carecircle').setExpirationTime('1h').encode()
    expect(await rejection(token)).toEqual({ status: 401, code: 'UNAUTHENTICATED' })
  })

  it.each([
    ['another issuer', { role: 'elder' }, '5001', 'someone-else'],
    ['an unknown role', { role: 'admin' }, '5001', 'carecircle'],
    ['a subject that is not an id', { role: 'elder' }, 'abc', 'carecircle'],
    ['a zero subject', { role: 'elder' }, '0', 'carecircle'],
  ])('a correctly signed token with %s → 401 UNAUTHENTICATED', async (_, claims, sub, iss) => {
    const token = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setIssuer(iss).setExpirationTime('1h').sign(secret)
    expect(await rejection(token)).toEqual({ status: 401, code: 'UNAUTHENTICATED' })
  })
})

describe('TokenVerifier (remembers verified tokens until they expire)', () => {
  const code = async (p: Promise<unknown>) => p.then(() => 'accepted', (e) => (e as { code: string }).code)

  it('a remembered token still expires: the hit past exp → 401 TOKEN_EXPIRED', async () => {
    let now = Date.now()
    const verifier = new TokenVerifier(secret, () => now)
    const { token } = await signToken(elder, secret, 60)
    expect(await verifier.verify(token)).toEqual({ ...elder, sessionVersion: 0 })
    expect(await verifier.verify(token)).toEqual({ ...elder, sessionVersion: 0 }) // from memory
    now += 61_000
    expect(await code(verifier.verify(token))).toBe('TOKEN_EXPIRED')
  })

  it('a tampered copy of a remembered token is verified, not looked up → 401', async () => {
    const verifier = new TokenVerifier(secret)
    const { token } = await signToken(elder, secret, 3600)
    await verifier.verify(token)
    const [h, , s] = token.split('.')
    const payload = Buffer.from(JSON.stringify({ sub: '1', role: 'supervisor', iss: 'carecircle', exp: 4e9 })).toString('base64url')
    expect(await code(verifier.verify(`${h}.${payload}.${s}`))).toBe('UNAUTHENTICATED')
  })

  it('a correctly signed token without exp is refused (it could never leave the cache)', async () => {
    const verifier = new TokenVerifier(secret)
    const token = await new SignJWT({ role: 'elder' }).setProtectedHeader({ alg: 'HS256' }).setSubject('5001').setIssuer('carecircle').sign(secret)
    expect(await code(verifier.verify(token))).toBe('UNAUTHENTICATED')
  })
})

describe('currentAuth (the token names a user and a session; the database says what they may do now)', () => {
  type Row = { role: string; stationId: number | null; disabledAt: Date | null; sessionVersion: number }
  /** A users table of one row that counts its reads. */
  function fakeUsers(row: Row | null) {
    const table = { row, reads: 0 }
    const db = { select: () => ({ from: () => ({ where: () => ({ limit: async () => (table.reads++, table.row ? [table.row] : []) }) }) }) }
    return { table, states: new UserStates(db as never, 60_000) }
  }
  const claims = { userId: 1011, role: 'staff' as const, stationId: 1, sessionVersion: 2 }
  const code = async (p: Promise<unknown>) => p.then(() => 'accepted', (e) => (e as { code: string }).code)

  it('the database confirms the role and station; the state is read once and remembered', async () => {
    const { table, states } = fakeUsers({ role: 'staff', stationId: 1, disabledAt: null, sessionVersion: 2 })
    expect(await currentAuth(claims, states)).toEqual({ userId: 1011, role: 'staff', stationId: 1 })
    expect(await currentAuth(claims, states)).toEqual({ userId: 1011, role: 'staff', stationId: 1 })
    expect(table.reads).toBe(1)
  })

  it.each([
    ['no such user', null],
    ['a disabled user', { role: 'staff', stationId: 1, disabledAt: new Date(), sessionVersion: 2 }],
    ['a logged-out session (older version in the token)', { role: 'staff', stationId: 1, disabledAt: null, sessionVersion: 3 }],
    ['a worker moved to another station', { role: 'staff', stationId: 2, disabledAt: null, sessionVersion: 2 }],
    ['a worker made station admin', { role: 'station_admin', stationId: 1, disabledAt: null, sessionVersion: 2 }],
  ])('%s → 401 UNAUTHENTICATED', async (_, row) => {
    expect(await code(currentAuth(claims, fakeUsers(row as Row | null).states))).toBe('UNAUTHENTICATED')
  })

  it('a token newer than the remembered session reads the database again (logged in again on another process)', async () => {
    const { table, states } = fakeUsers({ role: 'staff', stationId: 1, disabledAt: null, sessionVersion: 2 })
    await currentAuth(claims, states)
    table.row = { ...table.row!, sessionVersion: 3 }
    expect(await currentAuth({ ...claims, sessionVersion: 3 }, states)).toMatchObject({ userId: 1011 })
    expect(table.reads).toBe(2)
    // …and the old token is refused straight away, from the refreshed memory.
    expect(await code(currentAuth(claims, states))).toBe('UNAUTHENTICATED')
  })

  it('forget() makes the next check read the database (a change made by this process)', async () => {
    const { table, states } = fakeUsers({ role: 'staff', stationId: 1, disabledAt: null, sessionVersion: 2 })
    await currentAuth(claims, states)
    table.row = { ...table.row!, disabledAt: new Date() }
    expect(await currentAuth(claims, states)).toMatchObject({ stationId: 1 }) // still remembered
    await states.forget(1011)
    expect(await code(currentAuth(claims, states))).toBe('UNAUTHENTICATED')
  })
})
