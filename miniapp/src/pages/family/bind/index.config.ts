export default definePageConfig({ navigationBarTitleText: '绑定老人', enablePageMeta: true })
