import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(__dirname, '..', '..')
const weapp = path.join(root, 'miniapp', 'dist', 'weapp')

interface CheckItem {
  name: string
  success: boolean
  text: string
  detail?: Record<string, number>
}

/** Our own budget for the main package (WeChat allows 2 MB; the brief says 1 MB). */
const MAIN_PACKAGE_LIMIT_BYTES = 1024 * 1024

describe('WeChat code-quality checks on the weapp build (miniprogram-ci, offline)', () => {
  let items: CheckItem[]

  beforeAll(() => {
    if (!fs.existsSync(path.join(weapp, 'app.json'))) throw new Error('Build the weapp first: npm run build:weapp')
    const out = execFileSync(process.execPath, [path.join(__dirname, 'check-code-quality.js')], { cwd: root, encoding: 'utf8', timeout: 110_000 })
    items = JSON.parse(out.trim().split('\n').pop()!)
  })

  it('passes every check WeChat runs before an upload', () => {
    expect(items.length).toBeGreaterThanOrEqual(11)
    const failed = items.filter((i) => !i.success).map((i) => `${i.name}: ${i.text}`)
    expect(failed).toEqual([])
  })

  it('keeps the main package under 1 MB', () => {
    const size = items.find((i) => i.name === 'PACKAGE_SIZE_LIMIT')
    expect(size?.detail?.__APP__).toBeGreaterThan(0)
    expect(size!.detail!.__APP__).toBeLessThan(MAIN_PACKAGE_LIMIT_BYTES)
  })
})
