import { logout } from '../api'
import { clearSession } from './session'

/**
 * 退出登录: the server ends the session first (the token stops working on every device and server), then this
 * phone forgets it. Forgotten here even when the server cannot be reached or the token was already refused.
 */
export async function logOut(): Promise<void> {
  try {
    await logout()
  } catch {
    // Offline, or already logged out elsewhere: nothing more this phone can do.
  } finally {
    clearSession()
  }
}
