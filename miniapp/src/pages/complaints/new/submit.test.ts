import Taro from '@tarojs/taro'
import { submitComplaint } from './submit'
import { complaintFixture } from '../../../components/complaint-view/fixture'

const send = Taro.request as unknown as jest.Mock
const upload = jest.fn()
;(Taro as unknown as { uploadFile: jest.Mock }).uploadFile = upload
beforeEach(() => {
  send.mockReset()
  upload.mockReset()
})

describe('submitComplaint', () => {
  it('files the complaint first, then sends each photo to it as the form field "photo"', async () => {
    send.mockResolvedValueOnce({ statusCode: 201, data: complaintFixture({ id: 42 }) })
    upload.mockResolvedValue({ statusCode: 201, data: '{"id":1}' })
    const result = await submitComplaint({ orderId: 7, category: 'fee', description: '多收了十块钱', anonymous: false }, ['blob:a', 'blob:b'])
    expect(result.failedPhotos).toEqual([])
    expect(send.mock.calls[0][0]).toMatchObject({ url: '/api/complaints', method: 'POST' })
    expect(upload.mock.calls.map((c) => [c[0].url, c[0].filePath, c[0].name])).toEqual([
      ['/api/complaints/42/photos', 'blob:a', 'photo'],
      ['/api/complaints/42/photos', 'blob:b', 'photo'],
    ])
  })

  it('keeps the filed complaint when a photo is refused, and says which photo and why', async () => {
    send.mockResolvedValueOnce({ statusCode: 201, data: complaintFixture({ id: 42 }) })
    upload
      .mockResolvedValueOnce({ statusCode: 201, data: '{"id":1}' })
      .mockResolvedValueOnce({ statusCode: 413, data: JSON.stringify({ error: { code: 'PAYLOAD_TOO_LARGE', message: '照片太大了，请选择 5 MB 以内的照片' } }) })
      .mockRejectedValueOnce(new Error('offline'))
    const result = await submitComplaint({ orderId: 7, category: 'fee', description: '多收了十块钱', anonymous: false }, ['a', 'b', 'c'])
    expect(result.complaint.id).toBe(42)
    expect(result.failedPhotos).toEqual(['第 2 张：照片太大了，请选择 5 MB 以内的照片', expect.stringMatching(/^第 3 张：照片没有传上去：网络连接不上/)])
  })

  it('sends no photo when the complaint itself is refused', async () => {
    send.mockResolvedValueOnce({ statusCode: 409, data: { error: { code: 'COMPLAINT_ALREADY_OPEN', message: '这单服务的同类投诉还在处理中' } } })
    await expect(submitComplaint({ orderId: 7, category: 'fee', description: '多收了十块钱', anonymous: false }, ['a'])).rejects.toMatchObject({ code: 'COMPLAINT_ALREADY_OPEN' })
    expect(upload).not.toHaveBeenCalled()
  })
})
