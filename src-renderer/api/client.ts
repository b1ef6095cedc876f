import type { HandlerArgs, HandlerName, HandlerResult } from '../../shared/contract/handlers';
import type { EventName, Events } from '../../shared/contract/events';
import { AppError, type AppErrorData } from '../../shared/errors';

/**
 * The one API the UI uses: `send(name, args)` and `listen(event, cb)`, generic over the contract.
 * Two transports: the Electron preload bridge (`window.contactPrep`, exposed with contextBridge)
 * or the loopback web host (HTTP POST /rpc + SSE /events with the per-run token).
 */
export interface ApiClient {
  send<K extends HandlerName>(name: K, args: HandlerArgs<K>): Promise<HandlerResult<K>>;
  listen<E extends EventName>(event: E, cb: (payload: Events[E]) => void): () => void;
}

/** What the preload script exposes (`satisfies BridgeApi` there): never a raw invoke(channel). */
export interface BridgeApi {
  send(
    name: string,
    args: unknown,
  ): Promise<{ ok: true; result: unknown } | { ok: false; error: AppErrorData }>;
  listen(event: string, cb: (payload: unknown) => void): () => void;
}

function unwrap<T>(reply: { ok: true; result: unknown } | { ok: false; error: AppErrorData }): T {
  if (reply.ok) return reply.result as T;
  throw new AppError(reply.error.code, reply.error.message, reply.error.details, reply.error.kind);
}

export function bridgeClient(bridge: BridgeApi): ApiClient {
  return {
    send: async (name, args) => unwrap(await bridge.send(name, args)),
    listen: (event, cb) => bridge.listen(event, cb as (p: unknown) => void),
  };
}

/** Web transport. SSE is read with fetch streaming (works in browsers and in Node tests alike). */
export function webClient(baseUrl: string, token: string, fetchImpl: typeof fetch = fetch): ApiClient {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  let stream: AbortController | null = null;

  const connect = () => {
    stream = new AbortController();
    const signal = stream.signal;
    void (async () => {
      const res = await fetchImpl(`${baseUrl}/events`, {
        headers: { Authorization: `Bearer ${token}` },
        signal,
      });
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (event && data) for (const cb of listeners.get(event) ?? []) cb(JSON.parse(data));
        }
      }
    })().catch(() => undefined); // aborted on last unsubscribe
  };

  return {
    send: async (name, args) => {
      const res = await fetchImpl(`${baseUrl}/rpc/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(args ?? {}),
      });
      return unwrap(await res.json());
    },
    listen: (event, cb) => {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(cb as (p: unknown) => void);
      if (!stream) connect();
      return () => {
        set.delete(cb as (p: unknown) => void);
        if ([...listeners.values()].every((s) => s.size === 0)) {
          stream?.abort();
          stream = null;
        }
      };
    },
  };
}
