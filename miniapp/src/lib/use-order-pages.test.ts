import { act, renderHook, waitFor } from '@testing-library/react'
import type { Order, OrdersResponse } from '@carecircle/shared'
import { useOrderPages } from './use-order-pages'

const order = (id: number) => ({ id }) as Order

describe('useOrderPages', () => {
  it('loads the first page, then every next page on loadMore until nextCursor is null', async () => {
    const pages: Record<string, OrdersResponse> = {
      first: { orders: [order(1), order(2)], nextCursor: 'c1' },
      c1: { orders: [order(3), order(4)], nextCursor: 'c2' },
      c2: { orders: [order(5)], nextCursor: null },
    }
    const fetchPage = jest.fn(async (cursor?: string) => pages[cursor ?? 'first'])
    const { result } = renderHook(() => useOrderPages(fetchPage, []))
    await waitFor(() => expect(result.current.loaded).toBe(true))
    expect(result.current.orders.map((o) => o.id)).toEqual([1, 2])
    expect(result.current.hasMore).toBe(true)

    act(() => result.current.loadMore())
    await waitFor(() => expect(result.current.orders.map((o) => o.id)).toEqual([1, 2, 3, 4]))
    act(() => result.current.loadMore())
    await waitFor(() => expect(result.current.orders.map((o) => o.id)).toEqual([1, 2, 3, 4, 5]))
    expect(result.current.hasMore).toBe(false)
    expect(fetchPage.mock.calls.map((c) => c[0])).toEqual([undefined, 'c1', 'c2'])
  })

  it('a failed next page keeps what is shown and reports the error', async () => {
    const fetchPage = jest.fn(async (cursor?: string) => {
      if (cursor) throw new Error('network down')
      return { orders: [order(1)], nextCursor: 'c1' }
    })
    const { result } = renderHook(() => useOrderPages(fetchPage, []))
    await waitFor(() => expect(result.current.loaded).toBe(true))
    act(() => result.current.loadMore())
    await waitFor(() => expect(result.current.error).not.toBeNull())
    expect(result.current.orders.map((o) => o.id)).toEqual([1])
    expect(result.current.hasMore).toBe(true)
  })
})
