import { Text } from '@tarojs/components'
import { formatDateCn, formatTime } from '../../lib/time'
import { minutesText } from '../../lib/words'

/** "约 300 米", "约 6 分钟", "¥40.00", "2026年12月6日", "12月3日", "08:00", "0830-3210037", "5 条", "4.2 星": a number with its 约 and its unit, kept on one line. */
const NUMBER_RUN = /(\d{4}年\d{1,2}月\d{1,2}日|(?:约\s?)?[¥￥]?\d[\d.,:：-]*\d?\s?(?:米|公里|分钟|小时|元|月\d+日|日|号|栋|单元|室|条|星|岁|天|次|位|个字|个|人|单)?)/

/** Server text shown as is, except that a line never breaks inside a number and its unit ("约 300 / 米"). */
export function WholeNumbers({ text }: { text: string }) {
  const parts = text.split(NUMBER_RUN)
  return (
    <>
      {parts.map((p, i) =>
        i % 2 === 1 ? (
          <Text key={i} className='nowrap'>
            {p}
          </Text>
        ) : (
          p
        ),
      )}
    </>
  )
}

/** "约 1 小时", "约 1 小时 30 分钟": how long a visit takes, never "1 小 / 时" or "1 / 小时". */
export function AboutMinutes({ minutes }: { minutes: number }) {
  return <WholeNumbers text={`约 ${minutesText(minutes)}`} />
}

/** "2027年1月1日 周五" and "00:00 起", each kept whole: a narrow line breaks between the day and the time, never inside. */
export function WholeDateTime({ iso, after = '', className = '' }: { iso: string; after?: string; className?: string }) {
  return (
    <>
      <Text className={`nowrap ${className}`.trim()}>{formatDateCn(iso)}</Text>{' '}
      <Text className={`nowrap ${className}`.trim()}>
        {formatTime(iso)}
        {after}
      </Text>
    </>
  )
}

/** A sentence given as phrases, each kept on one line: a narrow line breaks between "告诉家人：" and the rest, never inside a word. */
export function WholePhrases({ parts }: { parts: string[] }) {
  return (
    <>
      {parts.map((p, i) => (
        <Text key={i} className='nowrap'>
          {p}
        </Text>
      ))}
    </>
  )
}

export default WholeNumbers
