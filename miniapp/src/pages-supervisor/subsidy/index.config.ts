export default definePageConfig({ navigationBarTitleText: '月度补贴对账', enablePageMeta: true })
