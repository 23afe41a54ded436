import { View } from '@tarojs/components'
import type { MapCell } from '@carecircle/shared'
import { Card } from '../../components/card'
import { BigButton } from '../../components/big-button'
import { clusterLetter } from '../../components/care-map/map-svg'
import { WholeNumbers } from '../../components/whole-numbers'

/** The lettered cells of the map as a list: each can be tried as a site without aiming a finger at the map. */
export function ClusterList({ cells, onTry }: { cells: MapCell[]; onTry: (cell: MapCell) => Promise<void> }) {
  if (cells.length === 0) return <View className='notice ok'>地图上没有服务圈外的老人聚在一起的地方。</View>
  return (
    <View className='stack'>
      {cells.map((c, i) => (
        <Card key={`${c.south},${c.west}`} title={`${clusterLetter(i)} 处`} testId='uncovered-cluster'>
          <View className='stack'>
            <View>
              <WholeNumbers text={`这一片有 ${c.count} 位老人，其中 ${c.uncovered} 位在服务圈外。`} />
            </View>
            <BigButton variant='secondary' testId='try-cluster' loadingText='正在计算……' onPress={() => onTry(c)}>
              假如在 {clusterLetter(i)} 处建站
            </BigButton>
          </View>
        </Card>
      ))}
    </View>
  )
}
