import { useMemo, type ReactNode } from 'react'
import { View, PageMeta } from '@tarojs/components'
import { HelpBar } from '../help-bar'
import { BottomNav, type NavArea, type NavKey } from '../bottom-nav'
import { useCareMode, systemFontScale } from '../../lib/care-mode'
import { getHelpStation, type HelpStation } from '../../lib/help-contacts'
import { getMe } from '../../auth/session'
import { HelpAreaContext } from './help-area'

export interface PageProps {
  title: string
  children: ReactNode
  /** Which bottom nav to show; 'none' for steps inside a flow. */
  nav?: NavArea | 'none'
  active?: NavKey
  /** The help bar is on every resident screen; staff and supervisor pages may leave it out. */
  help?: boolean
  /** The station the help bar calls on this screen (e.g. the one serving this order). */
  station?: HelpStation | null
}

/**
 * Wraps every page: 长辈版 class, WeChat font scale, page-meta (text follows WeChat's font
 * setting), the always-visible help bar, the page heading and the bottom nav — each its own landmark.
 */
export function Page({ title, children, nav = 'resident', active, help = true, station }: PageProps) {
  const [care] = useCareMode()
  const scale = useMemo(systemFontScale, [])
  const helpStation = station ?? getHelpStation()
  const family = getMe()?.emergencyContacts ?? []
  // Staff and supervisor pages leave the residents' help bar out; their failures point to their own help too.
  const area = help ? 'resident' : nav === 'supervisor' ? 'supervisor' : 'staff'

  return (
    <HelpAreaContext.Provider value={area}>
      {process.env.TARO_ENV === 'weapp' ? <PageMeta pageFontSize='system' /> : null}
      <View className={`page${care ? ' care' : ''}${nav === 'none' ? ' no-nav' : ''}`} style={`--scale: ${scale}`} data-care-mode={care ? 'on' : 'off'}>
        {help ? <HelpBar station={helpStation} family={family} /> : null}
        {/* Landmarks: the help bar (region 求助电话), this page's own content (main), the bottom nav (navigation). */}
        <View className='page-body' role='main'>
          <View className='page-title' role='heading' aria-level={1}>
            {title}
          </View>
          {children}
        </View>
        {nav === 'none' ? null : <BottomNav area={nav} active={active} />}
      </View>
    </HelpAreaContext.Provider>
  )
}

export default Page
