import { inArray } from 'drizzle-orm'
import type { Logger } from 'pino'
import type { Db } from '../db/client'
import { users } from '../db/schema'
import type { WechatClient } from '../wechat/client'
import type { Notice } from './notify'

export interface PushSettings {
  /** Subscribe-message template for complaint progress; empty means in-app only. */
  complaintTemplateId: string
}

/**
 * After commit: WeChat subscribe messages for users who have an openid. A failed send (the user refused,
 * 43101; WeChat down) is logged and never fails the step — the in-app message is already stored.
 */
export async function pushNotices(db: Db, wechat: WechatClient, settings: PushSettings, log: Logger, notices: Notice[]): Promise<void> {
  if (!settings.complaintTemplateId || notices.length === 0) return
  const rows = await db.select({ id: users.id, openid: users.wechatOpenid }).from(users).where(inArray(users.id, [...new Set(notices.map((n) => n.userId))]))
  const openids = new Map(rows.filter((r) => r.openid).map((r) => [r.id, r.openid!]))
  await Promise.all(
    notices.map(async (n) => {
      const openid = openids.get(n.userId)
      if (!openid) return
      try {
        await wechat.sendSubscribeMessage({
          openid,
          templateId: settings.complaintTemplateId,
          page: `pages/messages/index?${n.entity}=${n.entityId}`,
          data: { thing1: n.title, thing2: n.body },
        })
      } catch (e: any) {
        log.warn({ err: { code: e?.code, message: e?.message }, notice: { entity: n.entity, entityId: n.entityId } }, 'subscribe message not sent')
      }
    }),
  )
}
