import { render, screen } from '@testing-library/react'
import type { VisitRecord } from '@carecircle/shared'
import { VisitRecordCard } from './index'

const RECORD: VisitRecord = {
  orderId: 31,
  service: { id: 2, name: '居家保洁' },
  station: { id: 1, name: '兴隆养老服务驿站', phone: '08301234567' },
  slotStart: '2026-11-24T09:00:00+08:00',
  workerName: '张师傅',
  checkInAt: '2026-11-24T08:58:00+08:00',
  checkOutAt: '2026-11-24T09:55:00+08:00',
  servedMinutes: 57,
  workNote: '打扫了厨房和卫生间',
  payableFen: 2000,
  charge: { quotedFen: 2000, chargedFen: 2000, flag: null, text: '实收 ¥20.00，与预约时一致' },
  placedByText: '由 兴隆养老服务驿站 张师傅 电话代订',
}

const row = (label: string) => screen.getByText(label).parentElement!.textContent

describe('a visit record', () => {
  it('says who came, when they arrived and left, for how long, what was done, what was collected and who booked', () => {
    render(<VisitRecordCard visit={RECORD} />)
    expect(row('谁来服务')).toBe('谁来服务张师傅（兴隆养老服务驿站）')
    expect(row('到达')).toBe('到达11月24日 周二 08:58')
    expect(row('离开')).toBe('离开09:55')
    expect(row('服务时长')).toBe('服务时长57 分钟')
    expect(screen.getByTestId('visit-work-note').textContent).toBe('打扫了厨房和卫生间')
    expect(screen.getByTestId('visit-charge').textContent).toBe('实收 ¥20.00，与预约时一致')
    expect(screen.getByTestId('visit-placed-by').textContent).toBe('由 兴隆养老服务驿站 张师傅 电话代订')
  })

  it('flags an overcharge with a sign as well as words, and says when nothing was written', () => {
    render(<VisitRecordCard visit={{ ...RECORD, workNote: null, charge: { quotedFen: 2000, chargedFen: 4000, flag: 'overcharge', text: '' } }} />)
    expect(screen.getByTestId('visit-charge').textContent).toBe('⚠ 实收 ¥40.00，比预约时的 ¥20.00 多 ¥20.00')
    expect(screen.getByTestId('visit-work-note').textContent).toBe('服务人员没有填写')
  })
})
