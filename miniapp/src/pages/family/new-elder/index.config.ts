export default definePageConfig({ navigationBarTitleText: '为老人建档', enablePageMeta: true })
