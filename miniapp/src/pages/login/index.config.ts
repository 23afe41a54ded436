export default definePageConfig({ navigationBarTitleText: '登录', enablePageMeta: true })
