import { useState } from 'react'
import { View } from '@tarojs/components'
import { BigButton } from '../../components/big-button'
import { Loading } from '../../components/loading'
import { ErrorState } from '../../components/error-state'
import { PriceHistory } from '../../components/price-history'
import { fetchPriceBoardHistory } from '../../api'
import { useLoad } from '../../lib/use-load'

/** 历次公示: loaded only when asked for, so the board itself stays quick. */
export function BoardHistory({ stationId }: { stationId: number }) {
  const [open, setOpen] = useState(false)
  const history = useLoad(() => fetchPriceBoardHistory(stationId), [stationId], open)
  return (
    <>
      <BigButton variant='secondary' testId='show-history' onPress={() => setOpen(!open)}>
        {open ? '收起历次公示' : '历次公示（什么时候改过价格）'}
      </BigButton>
      {open ? (
        <View className='stack'>
          {history.loading ? <Loading /> : null}
          {history.error ? <ErrorState error={history.error} onRetry={history.reload} /> : null}
          {history.data ? <PriceHistory versions={history.data.history ?? []} /> : null}
        </View>
      ) : null}
    </>
  )
}

export default BoardHistory
