import { describeCharge } from './charge'

describe('describeCharge', () => {
  it('says what was collected against the quote, in yuan, both ways', () => {
    expect(describeCharge(4000, 6000)).toEqual({ quotedFen: 4000, chargedFen: 6000, flag: 'overcharge', text: '实收 ¥60.00，比预约时的 ¥40.00 多 ¥20.00' })
    expect(describeCharge(4000, 3550)).toMatchObject({ flag: 'undercharge', text: '实收 ¥35.50，比预约时的 ¥40.00 少 ¥4.50' })
    expect(describeCharge(0, 0)).toMatchObject({ flag: null, text: '实收 ¥0.00，与预约时一致' })
    expect(describeCharge(0, 1)).toMatchObject({ flag: 'overcharge', text: '实收 ¥0.01，比预约时的 ¥0.00 多 ¥0.01' })
  })
})
