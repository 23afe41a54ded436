import { inArray } from 'drizzle-orm'
import type { Logger } from 'pino'
import type { Db } from '../db/client'
import { users } from '../db/schema'
import type { WechatClient } from '../wechat/client'
import type { Notice } from './notify'

export interface PushSettings {
  /** Subscribe-message template for complaint progress; empty means in-app only. */
  complaintTemplateId: string
  /** Subscribe-message template for order steps (WECHAT_TEMPLATE_ORDER); empty means in-app only. */
  orderTemplateId: string
}

/** The template and the page a tap opens, per kind of notice. */
function target(settings: PushSettings, n: Notice): { templateId: string; page: string } {
  return n.entity === 'order'
    ? { templateId: settings.orderTemplateId, page: `pages/orders/detail/index?id=${n.entityId}` }
    : { templateId: settings.complaintTemplateId, page: `pages/messages/index?${n.entity}=${n.entityId}` }
}

/** WeChat refuses a `thing` value over 20 characters (47003): the full text stays in the in-app message. */
export function thingValue(text: string): string {
  const chars = [...text]
  return chars.length <= 20 ? text : `${chars.slice(0, 19).join('')}…`
}

/**
 * After commit: WeChat subscribe messages for users who have an openid. A failed send (the user refused,
 * 43101; WeChat down) is logged and never fails the step — the in-app message is already stored.
 */
export async function pushNotices(db: Db, wechat: WechatClient, settings: PushSettings, log: Logger, notices: Notice[]): Promise<void> {
  const sendable = notices.filter((n) => target(settings, n).templateId)
  if (sendable.length === 0) return
  // Callers do not wait (`void pushNotices(…)`): a failed read is logged here, never an unhandled rejection.
  const rows = await db
    .select({ id: users.id, openid: users.wechatOpenid })
    .from(users)
    .where(inArray(users.id, [...new Set(sendable.map((n) => n.userId))]))
    .catch((e: any) => (log.warn({ err: { code: e?.code } }, 'subscribe messages not sent: openids not read'), []))
  const openids = new Map(rows.filter((r) => r.openid).map((r) => [r.id, r.openid!]))
  await Promise.all(
    sendable.map(async (n) => {
      const openid = openids.get(n.userId)
      if (!openid) return
      try {
        await wechat.sendSubscribeMessage({
          openid,
          ...target(settings, n),
          data: { thing1: thingValue(n.title), thing2: thingValue(n.body) },
        })
      } catch (e: any) {
        log.warn({ err: { code: e?.code, message: e?.message }, notice: { entity: n.entity, entityId: n.entityId } }, 'subscribe message not sent')
      }
    }),
  )
}
