import { View, Text } from '@tarojs/components'
import { spokenDigits } from '../../lib/family-words'
import './index.css'

/** The invitation code in very large, spaced digits (read aloud digit by digit), so it can be read out over the phone. */
export function InviteCode({ code }: { code: string }) {
  return (
    <View className='invite-code' data-testid='invite-code' data-value={code} role='text' aria-label={`邀请码 ${spokenDigits(code)}`}>
      {code.split('').map((d, i) => (
        <Text key={i} className='invite-digit' aria-hidden='true'>
          {d}
        </Text>
      ))}
    </View>
  )
}

export default InviteCode
