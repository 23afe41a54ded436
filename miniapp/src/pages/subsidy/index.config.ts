export default definePageConfig({ navigationBarTitleText: '我的补贴', enablePageMeta: true })
