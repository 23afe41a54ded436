import type { Response } from 'supertest'

const CHINESE = /[\u4e00-\u9fa5]/

/** The API's one error shape: the status, a machine code and a message in Chinese for the person. */
export function expectError(res: Response, status: number, code: string): void {
  const got = { status: res.status, body: res.body }
  expect(got).toEqual({ status, body: { error: { code, message: expect.stringMatching(CHINESE) } } })
}
