/**
 * The slice of @tarojs/taro the mini-program uses, in memory: storage, events, request (a jest.fn
 * each test programs), navigation and phone calls as spies.
 */
const store = new Map<string, unknown>()
const listeners = new Map<string, Set<(...args: unknown[]) => void>>()

const eventCenter = {
  on(name: string, fn: (...args: unknown[]) => void) {
    if (!listeners.has(name)) listeners.set(name, new Set())
    listeners.get(name)?.add(fn)
  },
  off(name: string, fn: (...args: unknown[]) => void) {
    listeners.get(name)?.delete(fn)
  },
  trigger(name: string, ...args: unknown[]) {
    listeners.get(name)?.forEach((fn) => fn(...args))
  },
}

const Taro = {
  request: jest.fn(),
  getStorageSync: (key: string) => (store.has(key) ? store.get(key) : ''),
  setStorageSync: (key: string, value: unknown) => {
    store.set(key, value)
  },
  removeStorageSync: (key: string) => {
    store.delete(key)
  },
  clearStorageSync: () => store.clear(),
  eventCenter,
  makePhoneCall: jest.fn(() => Promise.resolve()),
  navigateTo: jest.fn(),
  redirectTo: jest.fn(),
  reLaunch: jest.fn(),
  navigateBack: jest.fn(),
  getCurrentPages: jest.fn(() => []),
  getAppBaseInfo: jest.fn(() => ({})),
  login: jest.fn(),
  getLocation: jest.fn(),
}

export const useRouter = jest.fn(() => ({ params: {} as Record<string, string> }))
export const useDidShow = jest.fn()
export default Taro
