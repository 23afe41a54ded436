import type { Role } from '@carecircle/shared'

/** Which bottom nav a role gets: residents, stations or supervisors. */
export function navArea(role: Role | undefined) {
  if (role === 'staff' || role === 'station_admin') return 'staff' as const
  if (role === 'supervisor') return 'supervisor' as const
  return 'resident' as const
}
