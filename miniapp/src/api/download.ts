import Taro from '@tarojs/taro'
import { ZErrorResponse } from '@carecircle/shared'
import { ApiError, MESSAGES } from './errors'
import { getToken } from '../auth/session'

/** Where the CSV of a month goes and what it is called (the server names it the same). */
export const subsidyCsvPath = (month: string) => `/api/reports/subsidy?month=${encodeURIComponent(month)}&format=csv`
export const subsidyCsvName = (month: string) => `补贴对账-${month}.csv`

function failure(status: number, body: unknown): ApiError {
  if (status >= 500 || status === 0) return new ApiError('SERVER', MESSAGES.SERVER, status)
  let data = body
  try {
    if (typeof data === 'string') data = JSON.parse(data)
  } catch {
    // not JSON: the generic words below
  }
  const parsed = ZErrorResponse.safeParse(data)
  return parsed.success
    ? new ApiError(parsed.data.error.code, parsed.data.error.message, status)
    : new ApiError('HTTP', `表格没有下载成功（代码 ${status}），请稍后再试`, status)
}

/** H5: the file needs the login header, so it is fetched, then saved through an <a download> on a Blob. */
async function downloadInBrowser(path: string, name: string, auth: Record<string, string>): Promise<void> {
  let res: Response
  try {
    res = await fetch(`${API_BASE}${path}`, { headers: auth })
  } catch {
    throw new ApiError('NETWORK', MESSAGES.NETWORK)
  }
  if (!res.ok) throw failure(res.status, await res.text().catch(() => ''))
  const url = URL.createObjectURL(await res.blob())
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/**
 * weapp: downloadFile with the login header into a named file, then open it. WeChat's document viewer does not
 * list CSV among its types on every phone; where it refuses, the file is offered to send to a chat (e.g. 文件传输助手)
 * to open in Excel on a computer.
 */
async function downloadInWeapp(path: string, name: string, auth: Record<string, string>): Promise<void> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${name}`
  let res: { statusCode: number }
  try {
    res = await Taro.downloadFile({ url: `${API_BASE}${path}`, header: auth, filePath })
  } catch {
    throw new ApiError('NETWORK', MESSAGES.NETWORK)
  }
  if (res.statusCode < 200 || res.statusCode >= 300) {
    let body: unknown = ''
    try {
      body = Taro.getFileSystemManager().readFileSync(filePath, 'utf8')
    } catch {
      // nothing readable came back
    }
    throw failure(res.statusCode, body)
  }
  try {
    await Taro.openDocument({ filePath, showMenu: true })
  } catch {
    await Taro.shareFileMessage({ filePath, fileName: name })
  }
}

/** 月度补贴对账 as a CSV file (UTF-8 with BOM, opens in Excel). Every failure is an ApiError in plain words. */
export async function downloadSubsidyCsv(month: string): Promise<void> {
  const token = getToken()
  const auth: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {}
  if (process.env.TARO_ENV === 'h5') await downloadInBrowser(subsidyCsvPath(month), subsidyCsvName(month), auth)
  else await downloadInWeapp(subsidyCsvPath(month), subsidyCsvName(month), auth)
}
