import { useEffect, useRef, useState, type ReactNode } from 'react'
import { View } from '@tarojs/components'
import './index.css'

export type BigButtonVariant = 'primary' | 'secondary' | 'danger'

export interface BigButtonProps {
  children: ReactNode
  /** May return a promise: taps are ignored until it settles. */
  onPress: () => void | Promise<unknown>
  variant?: BigButtonVariant
  loading?: boolean
  disabled?: boolean
  /** Shown instead of the label while loading, e.g. "正在提交，请稍候". */
  loadingText?: string
  ariaLabel?: string
  testId?: string
  /** Full width (default) or sized to its words. */
  block?: boolean
  className?: string
}

/**
 * A large button that cannot fire twice: taps are ignored while `loading || disabled` and while the
 * promise of the previous tap is still running — the first line of defence against double booking.
 */
export function BigButton(props: BigButtonProps) {
  const { children, onPress, variant = 'primary', loading = false, disabled = false, loadingText, ariaLabel, testId, block = true, className } = props
  const running = useRef(false)
  const mounted = useRef(true)
  const [pending, setPending] = useState(false)
  useEffect(() => () => {
    mounted.current = false
  }, [])

  const busy = loading || pending
  const inactive = busy || disabled

  const handleTap = () => {
    // The ref, not state: two taps in one frame both see the first tap's lock.
    if (loading || disabled || running.current) return
    const result = onPress()
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      running.current = true
      setPending(true)
      const done = () => {
        running.current = false
        if (mounted.current) setPending(false)
      }
      ;(result as Promise<unknown>).then(done, done)
    }
  }

  const classes = ['big-btn', variant, block ? 'block' : '', inactive ? 'inactive' : '', className ?? ''].filter(Boolean).join(' ')
  return (
    <View
      className={classes}
      role='button'
      tabIndex={0}
      aria-label={ariaLabel}
      aria-disabled={inactive ? 'true' : 'false'}
      aria-busy={busy ? 'true' : 'false'}
      data-testid={testId}
      hoverClass={inactive ? 'none' : 'big-btn-hover'}
      onClick={handleTap}
    >
      {busy && loadingText ? loadingText : children}
    </View>
  )
}

export default BigButton
