import { createContext, useContext } from 'react'

/**
 * Whose screen this is, for where help comes from: residents call 12349 (and their station, family); a station's
 * staff ask their station's manager; a supervisor's screens offer no hotline — 12349 is the residents' number.
 */
export type HelpArea = 'resident' | 'staff' | 'supervisor'

export const HelpAreaContext = createContext<HelpArea>('resident')

export const useHelpArea = (): HelpArea => useContext(HelpAreaContext)
