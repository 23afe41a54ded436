import { demoStations, stationPeople } from './demo-data'

/** Staff and station managers are people: their names are read in "由 兴隆养老服务驿站 周小梅 电话代订" and on every visit record. */
describe('the demo stations’ people', () => {
  it('station 1 is run by 刘芳, with 周小梅 and 何建军 serving', () => {
    expect(stationPeople(1)).toEqual({ admin: '刘芳', staff: ['周小梅', '何建军'] })
  })

  it('every name is a person’s name (2–3 characters, no piece of a station name), and no two people share one', () => {
    const names = demoStations().flatMap((s) => {
      const p = stationPeople(s.id)
      return [p.admin, ...p.staff]
    })
    expect(names.filter((n) => !/^[\u4e00-\u9fa5]{2,3}$/.test(n) || /站|驿|服务员/.test(n))).toEqual([])
    expect(new Set(names).size).toBe(names.length)
  })
})
