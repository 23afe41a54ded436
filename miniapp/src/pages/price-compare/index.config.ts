export default definePageConfig({ navigationBarTitleText: '与附近驿站比价', enablePageMeta: true })
