import { View } from '@tarojs/components'
import type { PriceVersion } from '@carecircle/shared'
import { WholeDateTime, WholeNumbers } from '../whole-numbers'
import '../card/index.css'
import { versionStatusWords } from '../../lib/prices'

/**
 * 历次公示: each version with when it took (or takes) effect, when it was published and what it changed,
 * newest first. Station admins also see their draft here.
 */
export function PriceHistory({ versions }: { versions: PriceVersion[] }) {
  if (versions.length === 0) return <View className='t-muted'>还没有公示过价格。</View>
  return (
    <View className='stack' data-testid='price-history'>
      {versions.map((v) => {
        const status = versionStatusWords(v)
        return (
          <View key={v.id} className='card' data-testid='price-version' data-status={v.status} data-in-force={v.inForce ? 'yes' : 'no'}>
            <View className={`status ${status.tone}`}>{status.words}</View>
            <View className='t-strong'>
              {v.status === 'draft' ? '打算' : ''}
              {/* The day and the time each whole; a narrow line breaks between them (长辈版, 320 px). */}
              <WholeDateTime iso={v.effectiveFrom} /> 起执行
            </View>
            {v.publishedAt ? (
              <View className='t-small'>
                公示于 <WholeDateTime iso={v.publishedAt} />
              </View>
            ) : null}
            {v.note ? <View>说明：{v.note}</View> : null}
            {v.changes.length === 0 ? (
              <View>{v.status === 'draft' ? '和现在的价格一样，还没有改动。' : `第一次公示，共 ${v.items.length} 项服务。`}</View>
            ) : (
              <View>
                <View>改了什么：</View>
                {v.changes.map((c) => (
                  <View key={`${c.serviceId}-${c.kind}`} data-testid='price-change'>
                    · <WholeNumbers text={c.text} />
                  </View>
                ))}
              </View>
            )}
          </View>
        )
      })}
    </View>
  )
}

export default PriceHistory
