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

  it('leaves text without numbers alone', () => {
    expect(runs('暂未安排驿站，我们会尽快处理')).toEqual([])
  })
})
