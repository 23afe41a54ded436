import net from 'node:net'

/**
 * A TCP proxy in front of MariaDB that a test can cut (every connection dropped, the port refused)
 * and restore on the same port: the database "goes away" and "comes back" without touching MariaDB.
 */
export interface TcpProxy {
  port: number
  /** Rewrites a mysql:// URL to go through the proxy. */
  via(url: string): string
  stop(): Promise<void>
  start(): Promise<void>
  /** Keep every connection open but stop passing bytes either way: a database that hangs. */
  freeze(): void
  thaw(): void
  close(): Promise<void>
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>()
  let server: net.Server | null = null
  let port = 0
  let frozen = false

  const track = (s: net.Socket) => {
    sockets.add(s)
    s.once('close', () => sockets.delete(s))
    s.on('error', () => s.destroy())
  }

  const listen = async (at: number) => {
    server = net.createServer((client) => {
      const upstream = net.connect(target.port, target.host)
      track(client)
      track(upstream)
      client.on('data', (d) => frozen || upstream.write(d))
      upstream.on('data', (d) => frozen || client.write(d))
      client.once('close', () => upstream.destroy())
      upstream.once('close', () => client.destroy())
    })
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject)
      server!.listen(at, '127.0.0.1', () => resolve())
    })
    port = (server!.address() as net.AddressInfo).port
  }

  const stop = async () => {
    for (const s of sockets) s.destroy()
    sockets.clear()
    const s = server
    server = null
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()))
  }

  await listen(0)
  return {
    get port() {
      return port
    },
    via(url) {
      const u = new URL(url)
      u.hostname = '127.0.0.1'
      u.port = String(port)
      return u.toString()
    },
    stop,
    freeze: () => void (frozen = true),
    thaw: () => void (frozen = false),
    start: () => (server ? Promise.resolve() : listen(port)),
    close: stop,
  }
}
