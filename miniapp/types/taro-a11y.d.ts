import type { BaseTouchEvent, ITouchEvent } from '@tarojs/components/types/common'

// Taro's props omit the few ARIA props we set on Views that act as buttons and switches. On H5
// they reach the DOM (screen readers, tests); weapp ignores them.
declare module '@tarojs/components/types/common' {
  interface StandardProps<T = any, TouchEvent extends BaseTouchEvent<any> = ITouchEvent> {
    role?: string
    tabIndex?: number
  }
}
