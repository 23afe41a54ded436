import type { ServiceCategory, HoursKind } from '@carecircle/shared'

export interface MenuItem {
  code: string
  name: string
  category: ServiceCategory
  unit: string
  durationMinutes: number
  hoursKind: HoursKind | null
  description: string
  /** District reference fees in fen per tier; each operator adjusts them on its own board. */
  paidFen: number
  lowFen: number
  freeFen: number
}

/** The door-to-door menu of seeds 000, 003 and 004. */
export const MENU: MenuItem[] = [
  { code: 'MEAL', name: '助餐送餐', category: 'meal', unit: '餐', durationMinutes: 30, hoursKind: null, description: '午餐或晚餐送到家，两荤一素一汤，可做软烂少盐', paidFen: 1800, lowFen: 1000, freeFen: 0 },
  { code: 'CLEANING', name: '居家保洁', category: 'cleaning', unit: '小时', durationMinutes: 60, hoursKind: 'housekeeping', description: '打扫卧室、客厅、厨房和卫生间，整理物品', paidFen: 4000, lowFen: 2000, freeFen: 0 },
  { code: 'LAUNDRY', name: '衣物清洗', category: 'cleaning', unit: '次', durationMinutes: 60, hoursKind: 'housekeeping', description: '清洗、晾晒、叠放衣物和床单被套', paidFen: 2500, lowFen: 1200, freeFen: 0 },
  { code: 'BATHING', name: '上门助浴', category: 'bathing', unit: '次', durationMinutes: 60, hoursKind: 'housekeeping', description: '两人上门协助洗澡，防滑防摔，洗后擦身更衣', paidFen: 6000, lowFen: 3000, freeFen: 0 },
  { code: 'MEDICAL_ESCORT', name: '陪同就医', category: 'medical', unit: '次', durationMinutes: 120, hoursKind: 'medical', description: '陪同到医院挂号、看病、取药，送回家中', paidFen: 8000, lowFen: 4000, freeFen: 0 },
  { code: 'HEALTH_CHECK', name: '上门健康监测', category: 'medical', unit: '次', durationMinutes: 30, hoursKind: 'medical', description: '测血压、血糖，记录用药情况，异常时通知家属', paidFen: 3000, lowFen: 1500, freeFen: 0 },
  { code: 'MOBILITY', name: '助行陪护', category: 'mobility', unit: '小时', durationMinutes: 60, hoursKind: 'housekeeping', description: '陪同散步、外出办事，上下楼搀扶', paidFen: 3500, lowFen: 1800, freeFen: 0 },
  { code: 'EMERGENCY', name: '紧急援助', category: 'emergency', unit: '次', durationMinutes: 30, hoursKind: null, description: '跌倒、身体不适等紧急情况上门处置，同时通知家属', paidFen: 0, lowFen: 0, freeFen: 0 },
  { code: 'VISIT', name: '巡视探访', category: 'visit', unit: '次', durationMinutes: 30, hoursKind: null, description: '上门看望，聊天问候，检查水电气安全', paidFen: 1000, lowFen: 0, freeFen: 0 },
  { code: 'REPAIR', name: '家电维修', category: 'repair', unit: '次', durationMinutes: 60, hoursKind: null, description: '小家电、水电、门锁维修（材料费另计，按实收取）', paidFen: 5000, lowFen: 3000, freeFen: 2000 },
  { code: 'ERRAND', name: '代买代购', category: 'errand', unit: '次', durationMinutes: 30, hoursKind: 'housekeeping', description: '代买菜、买药、买日用品，凭小票结算', paidFen: 1000, lowFen: 500, freeFen: 0 },
  { code: 'GROOMING', name: '理发修甲', category: 'grooming', unit: '次', durationMinutes: 30, hoursKind: 'housekeeping', description: '上门理发、修剪指甲', paidFen: 2000, lowFen: 1000, freeFen: 0 },
  { code: 'REHAB', name: '康复护理', category: 'rehab', unit: '次', durationMinutes: 60, hoursKind: 'medical', description: '康复训练指导、按摩、压疮护理', paidFen: 8000, lowFen: 4000, freeFen: 0 },
  { code: 'COMPANION', name: '心理慰藉', category: 'companionship', unit: '小时', durationMinutes: 60, hoursKind: null, description: '陪伴聊天、读报、情绪疏导', paidFen: 3000, lowFen: 1500, freeFen: 0 },
]
