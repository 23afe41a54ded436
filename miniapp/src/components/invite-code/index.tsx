import { View, Text } from '@tarojs/components'
import { spokenDigits } from '../../lib/family-words'
import './index.css'

/** 6 digits in one row; 8 (made while guessing was rife) in two groups of 4, which may sit on two lines at 320 px. */
const groupsOf = (code: string) => (code.length === 8 ? [code.slice(0, 4), code.slice(4)] : [code])

/** The invitation code in very large, spaced digits (read aloud digit by digit), so it can be read out over the phone. */
export function InviteCode({ code }: { code: string }) {
  return (
    <View className='invite-code' data-testid='invite-code' data-value={code} role='text' aria-label={`邀请码 ${spokenDigits(code)}`}>
      {groupsOf(code).map((group, g) => (
        <View key={g} className='invite-group'>
          {group.split('').map((d, i) => (
            <Text key={i} className='invite-digit' aria-hidden='true'>
              {d}
            </Text>
          ))}
        </View>
      ))}
    </View>
  )
}

export default InviteCode
