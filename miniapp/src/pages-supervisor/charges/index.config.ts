export default definePageConfig({ navigationBarTitleText: '收费异常', enablePageMeta: true })
