import type { TypedDocumentString } from './generated/graphql.js';
import type { TokenProvider } from './graphql-client.js';

/** What a live subscription tells its owner besides the data. */
export interface LiveHandlers<T> {
  /** One result of the subscription. */
  next(data: T): void;
  /** The connection is up (first time or after a drop): `again` is true after a drop, when changes may have been missed. */
  connected?(again: boolean): void;
  /** The connection dropped; it is retried with backoff until `close()`. */
  disconnected?(): void;
}

/** The WebSocket URL of a GraphQL endpoint: same host and path, `ws:` or `wss:`. */
export function webSocketUrl(endpoint: string, base = globalThis.location?.href): string {
  const url = new URL(endpoint, base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

/**
 * One subscription over the graphql-ws protocol (`graphql-transport-ws`), the part a widget needs:
 * connection_init with `{ authorization: 'Bearer …' }`, one subscribe, next/error/complete, ping/pong,
 * and reconnection with backoff (1 s doubling to 30 s). About 1 KB instead of the `graphql-ws`
 * package's client. Returns `close()`.
 */
export function subscribe<TResult, TVariables>(
  endpoint: string,
  tokenProvider: TokenProvider | undefined,
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  handlers: LiveHandlers<TResult>,
): () => void {
  let socket: WebSocket | null = null;
  let closed = false;
  let attempts = 0;
  let everConnected = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const open = async () => {
    const token = await tokenProvider?.();
    if (closed) return;
    const ws = new WebSocket(webSocketUrl(endpoint), 'graphql-transport-ws');
    socket = ws;
    ws.onopen = () => ws.send(JSON.stringify({ type: 'connection_init', payload: token ? { authorization: `Bearer ${token}` } : {} }));
    ws.onmessage = (event) => {
      const message = JSON.parse(String(event.data)) as { type: string; id?: string; payload?: { data?: TResult } };
      if (message.type === 'connection_ack') {
        ws.send(
          JSON.stringify({
            id: '1',
            type: 'subscribe',
            payload: { query: document.toString(), variables, extensions: persisted(document) },
          }),
        );
        attempts = 0;
        handlers.connected?.(everConnected);
        everConnected = true;
      } else if (message.type === 'next' && message.payload?.data) handlers.next(message.payload.data);
      else if (message.type === 'ping') ws.send(JSON.stringify({ type: 'pong' }));
    };
    ws.onclose = () => {
      if (socket !== ws || closed) return;
      socket = null;
      handlers.disconnected?.();
      timer = setTimeout(open, Math.min(30_000, 1000 * 2 ** attempts++));
    };
  };
  void open();
  return () => {
    closed = true;
    clearTimeout(timer);
    socket?.close(1000);
    socket = null;
  };
}

/** The hash of a registered operation: a server in safelist mode runs it by this (and ignores the text). */
function persisted(document: { __meta__?: Record<string, unknown> }): object | undefined {
  const hash = document.__meta__?.hash as string | undefined;
  return hash ? { persistedQuery: { version: 1, sha256Hash: hash.replace('sha256:', '') } } : undefined;
}
