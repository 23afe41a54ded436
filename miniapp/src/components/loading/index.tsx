import { View } from '@tarojs/components'

/** Words, not a spinner alone: older readers should know the screen is working. */
export function Loading({ text = '正在加载，请稍候……' }: { text?: string }) {
  return (
    <View className='notice' role='status' aria-live='polite' data-testid='loading'>
      {text}
    </View>
  )
}

export default Loading
