export default definePageConfig({ navigationBarTitleText: '待派单订单', enablePageMeta: true })
