export default definePageConfig({ navigationBarTitleText: '上门服务记录', enablePageMeta: true })
