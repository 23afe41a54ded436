import { render } from '@testing-library/react'
import { WholeNumbers } from './index'

const runs = (text: string) => Array.from(render(<WholeNumbers text={text} />).container.querySelectorAll('.nowrap')).map((n) => n.textContent)

describe('WholeNumbers', () => {
  it('keeps each number with its 约 and unit together, and the text unchanged', () => {
    expect(runs('兴隆养老服务驿站，步行约 6 分钟（约 300 米）')).toEqual(['约 6 分钟', '约 300 米'])
    expect(runs('骑电动车约 11 分钟（约 1.6 公里）')).toEqual(['约 11 分钟', '约 1.6 公里'])
    expect(runs('应付 ¥40.00')).toEqual(['¥40.00'])
    // A landline with its area code never breaks at the hyphen.
    expect(runs('兴隆养老服务驿站（电话 0830-3210037）')).toEqual(['0830-3210037'])
    const { container } = render(<WholeNumbers text='已派给兴隆驿站：步行约 6 分钟（约 300 米）' />)
    expect(container.textContent).toBe('已派给兴隆驿站：步行约 6 分钟（约 300 米）')
  })

  it('keeps counts with their unit and a whole date together (the mid-word check in test/helpers/layout.ts found them broken)', () => {
    expect(runs('暂无评分（评价不足 5 条）')).toEqual(['5 条'])
    expect(runs('驿站须在 1 天内受理、7 天内办结')).toEqual(['1 天', '7 天'])
    expect(runs('2026年11月6日 到 2026年12月6日（含这两天）')).toEqual(['2026年11月6日', '2026年12月6日'])
    expect(runs('江阳中路 88 号 2 栋 1 单元 201')).toEqual(['88 号', '2 栋', '1 单元', '201'])
  })

  it('leaves text without numbers alone', () => {
    expect(runs('暂未安排驿站，我们会尽快处理')).toEqual([])
  })
})
