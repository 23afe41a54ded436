import { View, Text } from '@tarojs/components'
import { HOTLINE } from '@carecircle/shared'
import { CallButton } from '../call-button'
import type { HelpStation } from '../../lib/help-contacts'
import type { EmergencyContact } from '@carecircle/shared'
import './index.css'

export interface HelpBarProps {
  /** The serving or nearest station; left out when not known yet. */
  station?: HelpStation | null
  /** Bound family members to call. */
  family?: EmergencyContact[]
}

/** Always on top of a resident screen, one row: one tap calls 12349, the station, or family. */
export function HelpBar({ station, family = [] }: HelpBarProps) {
  return (
    <View className='help-bar' data-testid='help-bar' role='region' aria-label='求助电话'>
      {/* The verbs (求助, 打给) give way in 长辈版 and on a narrow phone, so the bar stays one row of big buttons; the labels read out keep them. */}
      <CallButton phone={HOTLINE} variant='danger' ariaLabel={`拨打养老服务热线 ${HOTLINE}`} testId='call-hotline'>
        <Text><Text className='help-verb'>求助 </Text>{HOTLINE}</Text>
      </CallButton>
      {station ? (
        <CallButton phone={station.phone} ariaLabel={`打电话给${station.name}`} testId='call-station'>
          <Text><Text className='help-verb'>打给</Text>驿站</Text>
        </CallButton>
      ) : null}
      {family.slice(0, 2).map((f) => (
        <CallButton key={f.phone} phone={f.phone} ariaLabel={`打电话给${f.relation ?? '家人'}${f.name}`} testId='call-family'>
          <Text><Text className='help-verb'>打给</Text>{f.relation ?? '家人'}</Text>
        </CallButton>
      ))}
    </View>
  )
}

export default HelpBar
