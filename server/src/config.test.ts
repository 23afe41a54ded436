import { loadConfig } from './config'

const prod = (TOKEN_SECRET: string | undefined) => () => loadConfig({ NODE_ENV: 'production', TOKEN_SECRET })

describe('TOKEN_SECRET in production', () => {
  it.each([
    ['missing', undefined],
    ['too short', 'k3J9xQ2mZ7pL'],
    ['32 spaces', ' '.repeat(32)],
    ['whitespace padding around a short secret', `  ${'Zq8#pL2v'}${' '.repeat(30)}`],
    ['one repeated character', 'a'.repeat(64)],
    ['two characters alternating', 'ab'.repeat(32)],
    ['a short pattern repeated', 'abc123'.repeat(8)],
  ])('refuses a secret that is %s, with a clear message', (_label, secret) => {
    expect(prod(secret)).toThrow(/TOKEN_SECRET/)
  })

  it('accepts a random secret (e.g. openssl rand -base64 48 or 32 random hex bytes)', () => {
    expect(prod('tq9Vx2Lr8KzP0fYw3Hn6Bd1Sg5Mc7Ja4Ue/Qo+Ri=Xk')).not.toThrow()
    expect(prod('3f9a1c7e5b2d8046af13c9e7b5d20864f1a3c5e7092b4d6f8e0a1c3e5b7d9f21')).not.toThrow()
  })

  it('outside production a missing secret is generated', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).tokenSecret.length).toBeGreaterThanOrEqual(32)
  })
})

describe('demo login (issue 16: only when explicitly enabled)', () => {
  it('is off unless AUTH_DEV_LOGIN=1, whatever NODE_ENV is', () => {
    expect(loadConfig({}).devLoginEnabled).toBe(false)
    expect(loadConfig({ NODE_ENV: 'development' }).devLoginEnabled).toBe(false)
    expect(loadConfig({ NODE_ENV: 'staging', AUTH_DEV_LOGIN: 'yes' }).devLoginEnabled).toBe(false)
    expect(loadConfig({ AUTH_DEV_LOGIN: '1' }).devLoginEnabled).toBe(true)
  })

  it('is refused in production even when asked for', () => {
    expect(loadConfig({ NODE_ENV: 'production', AUTH_DEV_LOGIN: '1', TOKEN_SECRET: 'tq9Vx2Lr8KzP0fYw3Hn6Bd1Sg5Mc7Ja4Ue/Qo+Ri=Xk' }).devLoginEnabled).toBe(false)
  })
})
