/// <reference types="@tarojs/taro" />

declare module '*.css'

/** API origin: '' on H5 (same origin), an https:// URL on weapp; set in config/index.ts. */
declare const API_BASE: string

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV?: string
    TARO_APP_API_BASE?: string
  }
}
