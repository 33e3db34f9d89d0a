/** Real subscription clients: graphql-ws over a WebSocket, and SSE over fetch. */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { collector } from './collector';

export interface Collected<T> {
  events: T[];
  /** Resolves once `count` events have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<T[]>;
  close(): void;
}

/** Clients whose socket has been acknowledged (a second subscription on one need not wait for it). */
const connected = new WeakSet<Client>();

export function wsClient(baseUrl: string, apiKey: string | undefined): Client {
  const client = createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: apiKey ? { 'X-Api-Key': apiKey } : {},
    retryAttempts: 0,
    lazy: true,
  });
  client.on('connected', () => connected.add(client));
  client.on('closed', () => connected.delete(client));
  return client;
}

/** Subscribes over graphql-ws; resolves once the server has acknowledged the subscription. */
export async function subscribeWs<TResult, TVariables>(
  client: Client,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
): Promise<Collected<TResult> & { errors: unknown[] }> {
  const collected = collector<TResult>();
  const errors: unknown[] = [];
  const acknowledged = connected.has(client) ? Promise.resolve() : new Promise<void>((resolve) => client.on('connected', () => resolve()));
  const dispose = client.subscribe<TResult>(
    { query: print(document), variables: variables as Record<string, unknown> },
    {
      next: (value) => (value.data ? collected.push(value.data) : errors.push(value.errors)),
      error: (error) => errors.push(error),
      complete: () => undefined,
    },
  );
  await Promise.race([acknowledged, new Promise((resolve) => setTimeout(resolve, 2000))]);
  // The subscription is registered right after the connection ack; give the server a tick.
  await new Promise((resolve) => setTimeout(resolve, 50));
  return { ...collected, errors, close: dispose };
}

/** Subscribes over Server-Sent Events (what Yoga serves for Accept: text/event-stream). */
export async function subscribeSse<TResult, TVariables>(
  baseUrl: string,
  apiKey: string,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
): Promise<Collected<TResult> & { status: number; ended: Promise<void> }> {
  const collected = collector<TResult>();
  const abort = new AbortController();
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'x-api-key': apiKey },
    body: JSON.stringify({ query: print(document), variables }),
    signal: abort.signal,
  });
  const ended = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = message.split('\n').find((line) => line.startsWith('data:'));
          const parsed = data ? (JSON.parse(data.slice(5)) as { data?: TResult }) : undefined;
          if (parsed?.data) collected.push(parsed.data);
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  await new Promise((resolve) => setTimeout(resolve, 100));
  return { ...collected, status: response.status, ended, close: () => abort.abort() };
}
