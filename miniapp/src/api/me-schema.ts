import { z } from 'zod'
import { ZMeResponse } from '@carecircle/shared'

/**
 * /api/me as the shared schema defines it, plus the family phones the help bar calls. The shared
 * schema has no such field yet, so it is optional here: without it the help bar offers 12349 and
 * the station only.
 */
export const ZEmergencyContact = z.object({
  name: z.string(),
  relation: z.string().optional(),
  phone: z.string(),
})
export type EmergencyContact = z.infer<typeof ZEmergencyContact>

export const ZMe = ZMeResponse.extend({ emergencyContacts: z.array(ZEmergencyContact).optional() })
export type Me = z.infer<typeof ZMe>
