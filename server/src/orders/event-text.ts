import { ORDER_STATUS_LABELS, type OrderStatus } from '@carecircle/shared'

export interface EventFacts {
  fromStatus: OrderStatus | null
  toStatus: OrderStatus
  stationName: string | null
  reason: string | null
}

/** One plain sentence per event for the resident's timeline. Pure. */
export function describeEvent(e: EventFacts): string {
  const why = e.reason ? `：${e.reason}` : ''
  switch (e.toStatus) {
    case 'created':
      return '已提交预约'
    case 'assigned':
      return e.fromStatus === 'created' ? `已派给${e.stationName ?? '驿站'}${why}` : `原驿站无法接单，已改派给${e.stationName ?? '其他驿站'}${why}`
    case 'accepted':
      return `${e.stationName ?? '驿站'}已接单，会按时上门`
    case 'in_service':
      return '服务人员已到达，开始服务'
    case 'completed':
      return `服务已完成${why}`
    case 'cancelled':
      return `预约已取消${why}`
    case 'unassigned':
      return `附近驿站都无法接单，已转给街道民政人员协调${why}，也可拨打 12349`
    default:
      return ORDER_STATUS_LABELS[e.toStatus]
  }
}
