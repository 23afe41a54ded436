export default definePageConfig({ navigationBarTitleText: '待确认的老人', enablePageMeta: true })
