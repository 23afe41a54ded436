import Koa from 'koa'
import serve from 'koa-static'
import fs from 'node:fs'
import path from 'node:path'
import type { Logger } from 'pino'
import type { Config } from './config'
import type { Database } from './db/client'
import { AppError, errorMiddleware } from './errors'
import { requestLog } from './logger'
import { readBody } from './http/read-body'
import { securityHeaders } from './http/security-headers'
import { authenticate } from './auth/token'
import { StationIndexCache } from './stations/station-index'
import { StationFactsCache } from './routing/station-facts-cache'
import { createWechatClient, type WechatClient } from './wechat/client'
import { LocalDiskStorage, type FileStorage } from './storage/file-storage'
import { UserStates } from './auth/user-states'
import { Broadcast } from './cluster/broadcast'
import { databaseName } from './db/client'
import { RateLimits } from './http/rate-limits'
import { systemRoutes } from './http/system-routes'
import { authRoutes } from './auth/routes'
import { catalogRoutes } from './catalog/routes'
import { stationRoutes } from './stations/routes'
import { orderRoutes } from './orders/routes'
import { complaintRoutes } from './complaints/routes'
import { notificationRoutes } from './notifications/routes'
import { supervisionRoutes } from './supervision/routes'
import { ratingRoutes } from './ratings/routes'
import { userRoutes } from './users/routes'
import { familyRoutes } from './family/routes'
import { elderRoutes } from './elders/routes'
import { visitRoutes } from './visits/routes'
import { eligibilityRoutes } from './eligibility/routes'
import { priceBoardRoutes } from './price-board/routes'
import { reportRoutes } from './reports/routes'
import { careMapRoutes } from './care-map/routes'
import { careRoundRoutes } from './care-rounds/routes'
import { DEFAULT_COMPLAINT_POLICY, type ComplaintPolicy } from './complaints/complaint-policy'

/** Everything a route needs, created once per process and passed down (no globals). */
export interface AppDeps {
  config: Config
  database: Database
  log: Logger
  wechat: WechatClient
  stationIndex: StationIndexCache
  /** Menu, price versions and capacity rules in memory, re-checked against the database every few seconds. */
  stationFacts: StationFactsCache
  /** The one clock; tests pass a fixed one. */
  clock: () => Date
  /** Complaint deadlines (seed 001 #17): 1 day to acknowledge, 7 to resolve. */
  complaintPolicy: ComplaintPolicy
  /** Uploaded files (complaint photos). */
  storage: FileStorage
  /** Every request's user as the database says now (disabled, role, station, session), cached a few seconds. */
  userStates: UserStates
  /** Attempt counters (logins, invitation codes, complaints…) shared through Redis; close() on shutdown. */
  rateLimits: RateLimits
  /** Every process hears at once of a user disabled, moved or logged out, or of new station facts (Redis pub/sub). */
  broadcast: Broadcast
}

export function createDeps(config: Config, database: Database, log: Logger, clock: () => Date = () => new Date()): AppDeps {
  const userStates = new UserStates(database.db, config.userStateTtlMs)
  const stationFacts = new StationFactsCache(database.db)
  // One channel per database: the processes that share its data.
  const broadcast = new Broadcast(config.redisUrl, `cc:changes:${databaseName(config.databaseUrl)}`, log)
  broadcast.on('user', (id) => userStates.forgetHere(id))
  broadcast.on('station-facts', () => stationFacts.invalidate())
  userStates.broadcast = (id) => broadcast.publish('user', id)
  return {
    config,
    database,
    log,
    clock,
    complaintPolicy: DEFAULT_COMPLAINT_POLICY,
    storage: new LocalDiskStorage(config.uploadDir),
    wechat: createWechatClient(config.wechat),
    stationIndex: new StationIndexCache(database.db),
    stationFacts,
    userStates,
    broadcast,
    rateLimits: new RateLimits(config.redisUrl, config.rateLimits, log, clock),
  }
}

/** Waits (briefly) for the Redis connections, so a fresh process shares counters and hears user changes from its first request. */
export async function depsReady(deps: AppDeps): Promise<void> {
  await Promise.all([deps.rateLimits.ready(), deps.broadcast.ready()])
}

/** Closes what createDeps opened besides the database. */
export function closeDeps(deps: AppDeps): void {
  deps.rateLimits.close()
  deps.broadcast.close()
}

export function createApp(deps: AppDeps): Koa {
  // Behind our own proxies only: the caller's address is the one the nearest of them wrote, never one a caller sent.
  const hops = deps.config.trustProxyHops
  const app = new Koa({ proxy: hops > 0, maxIpsCount: hops })
  app.silent = true // errors are logged by errorMiddleware, without request bodies
  app.use(securityHeaders(deps.config.h5Dir))
  app.use(requestLog(deps.log))
  app.use(errorMiddleware(deps.log))
  app.use(readBody())
  app.use(authenticate(deps.config.tokenSecret, deps.userStates))
  for (const routes of [systemRoutes, authRoutes, catalogRoutes, stationRoutes, orderRoutes, complaintRoutes, notificationRoutes, supervisionRoutes, ratingRoutes, userRoutes, familyRoutes, elderRoutes, visitRoutes, eligibilityRoutes, priceBoardRoutes, reportRoutes, careMapRoutes, careRoundRoutes]) {
    const router = routes(deps)
    app.use(router.routes())
    app.use(router.allowedMethods({ throw: true, methodNotAllowed: () => new AppError(405, 'METHOD_NOT_ALLOWED', '不支持这种请求方式') }))
  }
  app.use(async (ctx, next) => {
    if (ctx.path.startsWith('/api/') || ctx.path === '/api') {
      // allowedMethods() acts only after next() returns, so a path that matched with another method is answered here.
      if ((ctx as any).matched?.length) throw new AppError(405, 'METHOD_NOT_ALLOWED', '不支持这种请求方式')
      throw new AppError(404, 'ROUTE_NOT_FOUND', '没有这个接口，请检查地址')
    }
    await next()
  })
  const h5 = deps.config.h5Dir
  if (h5 && fs.existsSync(path.join(h5, 'index.html'))) app.use(serve(h5, { maxage: 0, gzip: false }))
  return app
}
