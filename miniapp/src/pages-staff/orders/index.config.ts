export default definePageConfig({ navigationBarTitleText: '驿站订单', enablePageMeta: true })
