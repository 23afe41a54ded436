import { describeEvent } from './event-text'

describe('order timeline sentences', () => {
  it('says in plain words who does what', () => {
    expect(describeEvent({ fromStatus: 'created', toStatus: 'assigned', stationName: '兴隆驿站', reason: '约 650 米，步行约 9 分钟' })).toBe('已派给兴隆驿站：约 650 米，步行约 9 分钟')
    expect(describeEvent({ fromStatus: 'assigned', toStatus: 'assigned', stationName: '蓝田驿站', reason: '人手不足' })).toContain('改派给蓝田驿站')
    expect(describeEvent({ fromStatus: 'assigned', toStatus: 'unassigned', stationName: null, reason: null })).toContain('12349')
    expect(describeEvent({ fromStatus: 'in_service', toStatus: 'completed', stationName: null, reason: '实际服务 55 分钟' })).toBe('服务已完成：实际服务 55 分钟')
  })
})
