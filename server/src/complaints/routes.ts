import Router from '@koa/router'
import multer from '@koa/multer'
import { z } from 'zod'
import {
  COMPLAINT_ACTIONS, COMPLAINT_STEPS, ZComplaint, ZComplaintsQuery, ZComplaintsResponse, ZComplaintStepBody, ZCreateComplaintRequest, ZIdParams,
  type ComplaintAction, type Role,
} from '@carecircle/shared'
import { defineRoute } from '../http/route'
import { withRetryAfter } from '../http/rate-limits'
import type { AppDeps } from '../app'
import { fileComplaint } from './file-complaint'
import { getComplaint } from './get-complaint'
import { listComplaints } from './list-complaints'
import { stepComplaint } from './step-complaint'
import { addComplaintPhoto, MAX_PHOTO_BYTES } from './add-complaint-photo'
import { readComplaintPhoto } from './read-complaint-photo'
import { AppError } from '../errors'

const ZPhotoLinkQuery = z.object({
  for: z.string().regex(/^[1-9]\d{0,15}$/, { error: '照片链接不正确' }).transform(Number),
  exp: z.string().regex(/^\d{1,12}$/, { error: '照片链接不正确' }).transform(Number),
  sig: z.string().regex(/^[\w-]{43}$/, { error: '照片链接不正确' }),
})

/** The roles that may take a step: the parties the declared table lets act, as roles. */
const ROLES_OF_PARTY = { complainant: ['elder', 'family'], station: ['staff', 'station_admin'], supervisor: ['supervisor'], system: [] } as const
function rolesFor(action: ComplaintAction): Role[] {
  return Object.keys(COMPLAINT_STEPS[action]).flatMap((p) => [...ROLES_OF_PARTY[p as keyof typeof ROLES_OF_PARTY]])
}

const STEP_SUMMARY: Record<ComplaintAction, string> = {
  respond: '驿站受理投诉（1 天内）',
  resolve: '驿站答复办结（7 天内，可含退款），或民政部门作出督办决定',
  escalate: '民政部门督办',
  reopen: '投诉人不满意，重新投诉（办结后 7 天内，一次）',
  confirm: '投诉人满意，确认办结',
}

export function complaintRoutes(deps: AppDeps): Router {
  const r = new Router()
  defineRoute(
    r,
    { method: 'post', path: '/api/complaints', tag: 'complaints', summary: '投诉：关于一单服务或一个驿站（老人或已绑定的家属）；每个账号每天有条数限制（429：今天已提交 N 条投诉，请明天再试）', access: ['elder', 'family'], body: ZCreateComplaintRequest, response: ZComplaint, status: 201, errors: [400, 401, 403, 404, 409, 422, 429] },
    ({ auth, body, ctx }) => withRetryAfter(ctx, () => fileComplaint(deps, auth, body)),
  )
  defineRoute(
    r,
    { method: 'get', path: '/api/complaints', tag: 'complaints', summary: '投诉列表（最新在前，按 cursor 翻页）：投诉人看自己的，驿站看本站的，监管看全部并可筛选', access: 'user', query: ZComplaintsQuery, response: ZComplaintsResponse, errors: [400, 401] },
    ({ auth, query }) => listComplaints(deps, auth, query),
  )
  defineRoute(
    r,
    { method: 'get', path: '/api/complaints/:id', tag: 'complaints', summary: '投诉详情与处理经过', access: 'user', params: ZIdParams, response: ZComplaint, errors: [400, 401, 404] },
    ({ auth, params }) => getComplaint(deps, auth, params.id),
  )
  // Memory storage: a photo is at most 5 MB and goes straight to FileStorage after its bytes are checked.
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 0, parts: 2 } }).single('photo')
  defineRoute(
    r,
    { method: 'post', path: '/api/complaints/:id/photos', tag: 'complaints', summary: '投诉人上传照片（multipart/form-data 字段 photo；JPG/PNG/WebP，5 MB 以内，每条最多 3 张）', access: ['elder', 'family'], params: ZIdParams, response: z.object({ id: z.number().int() }), status: 201, errors: [400, 401, 403, 404, 409, 413, 415] },
    async ({ auth, params, ctx }) => {
      try {
        await upload(ctx as never, async () => {})
      } catch (e: any) {
        if (e?.code === 'LIMIT_FILE_SIZE') throw new AppError(413, 'PAYLOAD_TOO_LARGE', '照片太大了，请选择 5 MB 以内的照片')
        throw new AppError(400, 'VALIDATION_FAILED', '请用表单上传一张照片（字段名 photo）')
      }
      return addComplaintPhoto(deps, auth, params.id, (ctx as any).file?.buffer)
    },
  )
  defineRoute(
    r,
    { method: 'get', path: '/api/complaint-photos/:id', tag: 'complaints', summary: '投诉照片（只能通过投诉详情里的签名链接打开：5 分钟内有效，打开时按看的人当前的权限再查一次，不缓存）', access: 'public', params: ZIdParams, query: ZPhotoLinkQuery, response: z.any().describe('图片内容'), errors: [400, 403, 404] },
    async ({ params, query, ctx }) => {
      // Cache-Control stays the no-store every /api answer gets: a revoked viewer must not find it in a cache.
      const photo = await readComplaintPhoto(deps, params.id, query)
      ctx.type = photo.mime
      return photo.data
    },
  )
  for (const action of COMPLAINT_ACTIONS) {
    defineRoute(
      r,
      { method: 'post', path: `/api/complaints/:id/${action}`, tag: 'complaints', summary: STEP_SUMMARY[action], access: rolesFor(action), params: ZIdParams, body: ZComplaintStepBody, response: ZComplaint, errors: [400, 401, 403, 404, 409] },
      ({ auth, params, body }) => stepComplaint(deps, auth, params.id, action, body),
    )
  }
  return r
}
