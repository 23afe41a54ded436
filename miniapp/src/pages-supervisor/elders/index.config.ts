export default definePageConfig({ navigationBarTitleText: '老人补贴认定', enablePageMeta: true })
