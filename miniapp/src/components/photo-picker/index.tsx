import Taro from '@tarojs/taro'
import { View, Image } from '@tarojs/components'
import { BigButton } from '../big-button'
import './index.css'

export interface PhotoPickerProps {
  /** Temporary file paths (weapp) or blob URLs (H5) of the chosen photos. */
  photos: string[]
  onChange: (photos: string[]) => void
  max?: number
}

/** Up to `max` photos from the album or the camera; each can be taken out again. Nothing is sent until the form is. */
export function PhotoPicker({ photos, onChange, max = 3 }: PhotoPickerProps) {
  const left = max - photos.length
  const add = async () => {
    try {
      const res = await Taro.chooseMedia({ count: left, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] })
      onChange([...photos, ...res.tempFiles.map((f) => f.tempFilePath)].slice(0, max))
    } catch {
      // Closing the picker is not a mistake: nothing to say.
    }
  }
  return (
    <View className='stack' data-testid='photo-picker'>
      {photos.length > 0 ? (
        <View className='photo-picker-list'>
          {photos.map((p, i) => (
            <View key={p} className='photo-picker-item' data-testid='chosen-photo'>
              <Image className='photo-picker-image' src={p} mode='aspectFill' ariaLabel={`已选的第 ${i + 1} 张照片`} nativeProps={{ alt: `已选的第 ${i + 1} 张照片` }} />
              <BigButton variant='secondary' ariaLabel={`不要第 ${i + 1} 张照片`} onPress={() => onChange(photos.filter((x) => x !== p))}>
                不要这张
              </BigButton>
            </View>
          ))}
        </View>
      ) : null}
      {left > 0 ? (
        <>
          <BigButton variant='secondary' testId='add-photo' onPress={add}>
            {photos.length === 0 ? '添加照片' : '再加一张照片'}
          </BigButton>
          <View className='t-small'>{photos.length === 0 ? `可以不加，最多 ${max} 张。` : `还能加 ${left} 张。`}</View>
        </>
      ) : (
        <View className='t-muted'>已经选了 {max} 张，不能再加了。</View>
      )}
    </View>
  )
}

export default PhotoPicker
