import type { Tier } from '@carecircle/shared'
import { MENU } from './menu'
import type { TIER_REASONS } from '../db/schema/elders'

/** Luzhou, 江阳区 (seeds 000, 002): the demo district's centre. */
export const DISTRICT_CENTRE = { lat: 28.8776, lng: 105.4406 }

/** Deterministic PRNG (mulberry32) so the demo district is the same on every machine. */
export function prng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A point `meters` away at `bearing` radians: small-distance approximation, fine for a district. */
export function offset(p: { lat: number; lng: number }, meters: number, bearing: number) {
  const dLat = (meters * Math.cos(bearing)) / 111_320
  const dLng = (meters * Math.sin(bearing)) / (111_320 * Math.cos((p.lat * Math.PI) / 180))
  return { lat: +(p.lat + dLat).toFixed(6), lng: +(p.lng + dLng).toFixed(6) }
}

export const OPERATORS = [
  { id: 1, name: '酒城安居物业服务有限公司', licenceNo: '91510502MA62K3XQ1N', phone: '0830-3101001' },
  { id: 2, name: '江阳康宁物业管理有限公司', licenceNo: '91510502MA64R7LD5P', phone: '0830-3102002' },
  { id: 3, name: '泸州福邻物业服务有限公司', licenceNo: '91510500MA65T2WB8C', phone: '0830-3103003' },
  { id: 4, name: '长江颐和物业有限公司', licenceNo: '91510502MA66H9UE2K', phone: '0830-3104004' },
  { id: 5, name: '沱江惠民物业服务有限公司', licenceNo: '91510502MA68N4GF7M', phone: '0830-3105005' },
]

const PLACES = ['兴隆', '大山坪', '蓝田', '茜草', '华阳', '邻玉', '方山', '黄舣', '通滩', '江北', '泰安', '丹林', '分水岭', '石寨', '况场',
  '弥陀', '董允坝', '酒城', '忠山', '白塔', '钟鼓楼', '水井沟', '南城', '北城', '澄溪口', '张坝', '长江大道', '沙湾', '东门口', '小市']
const ROADS = ['江阳中路', '江阳南路', '酒城大道', '滨江路', '大山坪路', '蓝田街', '龙透关路', '忠山路', '水井沟街', '白招牌路']
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
const GIVEN = ['秀英', '桂兰', '建国', '玉兰', '德明', '淑珍', '国华', '素芬', '志强', '桂芳', '文华', '凤英', '明德', '玉珍', '长林', '翠华', '福生', '金凤', '树清', '兰英']

export interface DemoStation {
  id: number; operatorId: number; name: string; kind: 'station' | 'complex'; address: string; phone: string
  lat: number; lng: number; circleMinutes: number; circleMeters: number | null; travelMode: 'walk' | 'ebike'
  speedMetersPerMinute: number; ratingTenths: number; offers: string[]; priceFactor: number
}

/**
 * The people of each station — its manager (站长) and two workers — by name, as residents read them ("由 兴隆养老服务驿站
 * 周小梅 电话代订"). Person k takes surname k mod 31 and given name k mod 20: 31 and 20 share no factor, so the first
 * 620 people all differ (the district has 3 per station).
 */
const WORKER_SURNAMES = '刘周何张陈杨黄赵吴徐孙马朱胡郭高林罗郑梁谢宋唐许韩冯邓曹彭曾田'
const WORKER_GIVEN = ['芳', '小梅', '建军', '丽', '海涛', '晓燕', '志刚', '红霞', '文斌', '静', '永红', '俊杰', '雪梅', '宏伟', '慧敏', '立新', '春花', '国强', '婷', '建华']
export function stationPeople(stationId: number): { admin: string; staff: [string, string] } {
  const person = (k: number) => WORKER_SURNAMES[k % WORKER_SURNAMES.length]! + WORKER_GIVEN[k % WORKER_GIVEN.length]!
  const k = (stationId - 1) * 3
  return { admin: person(k), staff: [person(k + 1), person(k + 2)] }
}

export function demoStations(): DemoStation[] {
  const rnd = prng(2026)
  return PLACES.map((place, i) => {
    const id = i + 1
    const complex = id === 5 || id === 17
    // Station 1 sits at the centre so the demo elders around it are served.
    const p = id === 1 ? DISTRICT_CENTRE : offset(DISTRICT_CENTRE, 700 + rnd() * 5200, rnd() * 2 * Math.PI)
    const ebike = !complex && id % 7 === 3
    return {
      id,
      operatorId: (i % OPERATORS.length) + 1,
      name: complex ? `${place}养老服务综合体` : `${place}养老服务驿站`,
      kind: complex ? 'complex' : 'station',
      address: `泸州市江阳区${ROADS[i % ROADS.length]}${10 + Math.floor(rnd() * 300)}号`,
      phone: `0830-32${String(10000 + id * 37).slice(-5)}`,
      ...p,
      circleMinutes: 15,
      circleMeters: complex ? 2000 : null,
      travelMode: ebike ? 'ebike' : 'walk',
      speedMetersPerMinute: ebike ? 200 : 75,
      ratingTenths: 35 + Math.floor(rnd() * 16),
      // Stations 1–2 and complexes offer the whole menu; others leave out one or two specialist services.
      offers: MENU.map((m) => m.code).filter((code) => id <= 2 || complex || !(['BATHING', 'REHAB'].includes(code) && rnd() < 0.5)),
      priceFactor: [1, 0.95, 1.05, 1.1, 0.9][i % 5],
    }
  })
}

/** A fee adjusted by the operator's factor, rounded to 50 fen; 0 stays 0. */
export const adjustFen = (fen: number, factor: number) => Math.round((fen * factor) / 50) * 50

type TierReason = (typeof TIER_REASONS)[number]
export interface DemoElder {
  id: number; name: string; birthDate: string; phone: string | null; address: string; lat: number; lng: number
  tier: Tier; tierReason: TierReason; verified: boolean; healthNotes: string | null
}

const FREE_REASONS: TierReason[] = ['dibao', 'key_entitled', 'low_income_disabled', 'disability_grade2']
const LOW_REASONS: TierReason[] = ['empty_nest', 'shidu_70_plus', 'low_income_family']

/** The named demo elders of the README, then a few hundred more across tiers; some live outside every circle. */
export function demoElders(stations: DemoStation[], count = 300): DemoElder[] {
  const rnd = prng(60)
  const s1 = stations[0]
  const named: DemoElder[] = [
    { id: 1, name: '王秀英', birthDate: '1934-03-12', phone: '13800000001', address: '泸州市江阳区江阳中路 88 号 3 栋 2 单元 101', ...offset(s1, 420, 0.8), tier: 'free', tierReason: 'age_90_plus', verified: true, healthNotes: '白内障，行动较慢；高血压，每日服药' },
    { id: 2, name: '李建国', birthDate: '1950-08-01', phone: '13800000002', address: '泸州市江阳区酒城大道 126 号 5 栋 302', ...offset(s1, 600, 3.5), tier: 'low', tierReason: 'empty_nest', verified: true, healthNotes: '子女在外地（空巢）' },
    { id: 3, name: '张桂兰', birthDate: '1955-11-20', phone: '13800000003', address: '泸州市江阳区滨江路 15 号 1 栋 601', ...offset(s1, 300, 5.2), tier: 'paid', tierReason: 'none', verified: true, healthNotes: null },
    { id: 4, name: '陈德明', birthDate: '1948-05-06', phone: '13800000004', address: '泸州市江阳区黄舣镇石龙村 7 组', ...offset(s1, 14_000, 2.4), tier: 'paid', tierReason: 'none', verified: false, healthNotes: '独居' },
  ]
  const out = [...named]
  for (let id = named.length + 1; id <= count; id++) {
    const near = rnd() < 0.75
    const home = near ? offset(stations[Math.floor(rnd() * stations.length)], rnd() * 1100, rnd() * 2 * Math.PI) : offset(DISTRICT_CENTRE, 2000 + rnd() * 7000, rnd() * 2 * Math.PI)
    const age = 60 + Math.floor(rnd() * 36)
    const roll = rnd()
    const tier: Tier = age >= 90 || roll < 0.15 ? 'free' : roll < 0.4 ? 'low' : 'paid'
    const tierReason: TierReason = tier === 'free' ? (age >= 90 ? 'age_90_plus' : FREE_REASONS[id % 4]) : tier === 'low' ? LOW_REASONS[id % 3] : 'none'
    out.push({
      id,
      name: SURNAMES[Math.floor(rnd() * SURNAMES.length)] + GIVEN[Math.floor(rnd() * GIVEN.length)],
      birthDate: `${2026 - age}-${String(1 + (id % 12)).padStart(2, '0')}-${String(1 + (id % 28)).padStart(2, '0')}`,
      phone: null,
      address: `泸州市江阳区${ROADS[id % ROADS.length]}${1 + Math.floor(rnd() * 400)}号`,
      ...home,
      tier,
      tierReason,
      // About one in eight paid elders has asked for verification that is not done yet.
      verified: tier !== 'paid' || rnd() > 0.12,
      healthNotes: null,
    })
  }
  return out
}

/**
 * Demo 关爱巡访 plans: 陈德明 (独居, outside every circle: his rounds go to the supervisor), 李建国 (空巢: a call
 * every 3 days), and one in fifteen of the others as living alone (weekly visits). 王秀英 has none, so a supervisor
 * can try making one.
 */
export function demoCarePlans(elders: DemoElder[]) {
  return elders
    .filter((e) => e.id === 2 || e.id === 4 || (e.id > 4 && e.id % 15 === 0))
    .map((e) => ({
      elderId: e.id,
      reason: e.id === 2 ? ('empty_nest' as const) : ('live_alone' as const),
      note: e.id === 4 ? '独居，住得远，留意用电和用药' : e.id === 2 ? '子女在外地，每三天打个电话' : '独居，留意身体和家中安全',
      mode: e.id === 2 ? ('phone' as const) : ('visit' as const),
      everyDays: e.id === 2 ? 3 : 7,
    }))
}

/** 孙德福: the profile 孙梅 made for her father without WeChat, next to station 1, pending (unverified: paid). */
export function demoPendingProfile(stations: DemoStation[], id: number) {
  const s1 = stations[0]
  return { id, name: '孙德福', birthDate: '1941-09-15', address: '泸州市江阳区江阳中路 102 号 2 栋 1 单元 201', lat: s1.lat + 0.003, lng: s1.lng + 0.001 }
}
