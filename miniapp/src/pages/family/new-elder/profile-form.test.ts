import { EMPTY_PROFILE, buildProfile, normalizeDate } from './profile-form'

const FILLED = {
  ...EMPTY_PROFILE, name: '李桂芳', birthDate: '1948年3月5日', address: '江阳区兴隆街 12 号 3 栋', lat: '28.88', lng: '105.44',
  emergencyName: '李强', emergencyPhone: '13912345678', relation: '子女' as const,
}

describe('profile for a parent without WeChat', () => {
  it('accepts the dates people write', () => {
    expect(normalizeDate('1948年3月5日')).toBe('1948-03-05')
    expect(normalizeDate('1948/3/5')).toBe('1948-03-05')
    expect(normalizeDate('19480305')).toBe('1948-03-05')
  })

  it('builds the request, leaving out an empty phone', () => {
    const built = buildProfile(FILLED)
    expect(built).toEqual({
      body: {
        name: '李桂芳', birthDate: '1948-03-05', address: '江阳区兴隆街 12 号 3 栋', home: { lat: 28.88, lng: 105.44 },
        emergencyContact: { name: '李强', phone: '13912345678' }, relation: '子女',
      },
    })
  })

  it('names the field to fix, in words', () => {
    expect(buildProfile({ ...FILLED, lat: '' })).toEqual({ problem: expect.stringMatching(/^家的位置：请在地图上选/) })
    expect(buildProfile({ ...FILLED, lat: '128' })).toEqual({ problem: expect.stringMatching(/^家的位置：纬度应在/) })
    expect(buildProfile({ ...FILLED, birthDate: '三月' })).toEqual({ problem: expect.stringMatching(/^出生日期：/) })
    expect(buildProfile({ ...FILLED, emergencyPhone: '123' })).toEqual({ problem: '紧急联系人手机号：手机号应为 11 位数字' })
    expect(buildProfile({ ...FILLED, relation: null })).toEqual({ problem: expect.stringMatching(/^关系：请选择/) })
    expect(buildProfile({ ...FILLED, phone: '1391234' })).toEqual({ problem: '老人手机号：手机号应为 11 位数字' })
  })
})
