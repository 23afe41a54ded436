import { Textarea } from '@tarojs/components'
import './index.css'

export interface TextBoxProps {
  value: string
  onChange: (value: string) => void
  /** Read aloud by screen readers: what to write here. */
  label: string
  placeholder?: string
  maxLength: number
  testId?: string
}

/** A big multi-line text field: several lines tall, body-size text, the whole box tappable. */
export function TextBox({ value, onChange, label, placeholder, maxLength, testId }: TextBoxProps) {
  return (
    <Textarea
      className='field text-box'
      value={value}
      maxlength={maxLength}
      placeholder={placeholder}
      onInput={(e) => onChange(e.detail.value)}
      nativeProps={{ 'aria-label': label }}
      data-testid={testId}
    />
  )
}

export default TextBox
