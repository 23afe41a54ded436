import Taro from '@tarojs/taro'

/** weapp only; on H5 callers render a real tel: link instead. Cancelling the dialog is not an error. */
export function callPhone(phone: string): void {
  Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)
}

/** Digits and + only, for a tel: URL. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`
}
