import fs from 'node:fs/promises'
import path from 'node:path'

/** Where uploaded files live. Local disk by default; an object store would implement the same two calls. */
export interface FileStorage {
  put(key: string, data: Buffer): Promise<void>
  /** Null when there is no such file. */
  get(key: string): Promise<Buffer | null>
  /** Removes the file if it is there (a write whose row did not commit must not stay behind). */
  remove(key: string): Promise<void>
}

/** Keys are ours (random hex), never a user's file name, so they cannot climb out of the folder. */
const SAFE_KEY = /^[a-z0-9][a-z0-9/-]{0,127}\.(jpg|png|webp)$/

export class LocalDiskStorage implements FileStorage {
  constructor(private readonly dir: string) {}

  private file(key: string) {
    if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error('unsafe storage key')
    return path.join(this.dir, key)
  }

  async put(key: string, data: Buffer) {
    const file = this.file(key)
    await fs.mkdir(path.dirname(file), { recursive: true })
    await fs.writeFile(file, data, { flag: 'wx' })
  }

  async remove(key: string) {
    await fs.rm(this.file(key), { force: true })
  }

  async get(key: string) {
    try {
      return await fs.readFile(this.file(key))
    } catch (e: any) {
      if (e?.code === 'ENOENT') return null
      throw e
    }
  }
}
