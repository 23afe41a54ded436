import type { Role } from '@carecircle/shared'

/**
 * The seeded demo accounts offered on the H5 login page (dev-login works only where the server
 * allows it). Phones match server/src/seed/seed-demo.ts DEMO_PHONES and the README table.
 */
export const DEMO_ACCOUNTS: { phone: string; name: string; role: Role; note: string }[] = [
  { phone: '13800000001', name: '王秀英', role: 'elder', note: '90 岁以上，无偿对象' },
  { phone: '13800000002', name: '李建国', role: 'elder', note: '空巢老人，低偿对象' },
  { phone: '13800000003', name: '张桂兰', role: 'elder', note: '有偿' },
  { phone: '13800000004', name: '陈德明', role: 'elder', note: '住得远，不在任何驿站服务圈内' },
  { phone: '13900000001', name: '王丽', role: 'family', note: '王秀英的女儿，在外地工作' },
  { phone: '13900000002', name: '赵强', role: 'family', note: '还没绑定老人：用老人的邀请码绑定' },
  { phone: '13900000003', name: '孙梅', role: 'family', note: '为没有微信的父亲建了档，等驿站确认' },
  { phone: '13700000011', name: '周小梅', role: 'staff', note: '兴隆养老服务驿站 服务人员' },
  { phone: '13600000001', name: '刘芳', role: 'station_admin', note: '兴隆养老服务驿站 站长' },
  { phone: '13500000001', name: '刘科长', role: 'supervisor', note: '江阳区民政局' },
]
