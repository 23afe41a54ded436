import fs from 'node:fs'
import path from 'node:path'
import { DEMO_PHONES, adminPhone, staffPhone } from './seed-demo'
import { demoStations } from './demo-data'

// The README is how a newcomer logs in: its phones must be the seeded ones, digit for digit.
const readme = fs.readFileSync(path.join(__dirname, '../../../README.md'), 'utf8')

/** Expands a README pattern such as `13700000SSK` for a station id and worker number. */
function expand(pattern: string, stationId: number, worker = 1): string {
  return pattern.replace('SS', String(stationId).padStart(2, '0')).replace('K', String(worker))
}

describe('README demo accounts', () => {
  const line = readme.split('\n').find((l) => l.startsWith('Every station has staff'))
  const patterns = [...(line ?? '').matchAll(/`([0-9SK…]+)`/g)].map((m) => m[1])

  it('states one staff pattern and one admin pattern, each 11 digits long like a phone', () => {
    expect(patterns).toHaveLength(2)
    for (const p of patterns) expect(p).toMatch(/^[0-9SK]{11}$/)
  })

  it('the patterns give every station’s seeded staff and admin phones', () => {
    const [staff, admin] = patterns
    for (const { id } of demoStations()) {
      expect(expand(staff, id, 1)).toBe(staffPhone(id, 1))
      expect(expand(staff, id, 2)).toBe(staffPhone(id, 2))
      expect(expand(admin, id)).toBe(adminPhone(id))
    }
  })

  it('every phone in the table is a seeded demo account', () => {
    const table = [...readme.matchAll(/^\| (1\d{10}) \|/gm)].map((m) => m[1])
    expect(table.length).toBeGreaterThanOrEqual(10)
    for (const phone of table) expect(Object.values(DEMO_PHONES)).toContain(phone)
  })
})
