/**
 * The console's two transports to the public GraphQL API: queries and mutations over HTTP POST,
 * subscriptions over graphql-ws on the same path. Documents are the typed strings generated
 * from schema.graphql (web/src/gql).
 */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { createClient, type Client } from 'graphql-ws';
import { connectionParams, credentials, type Session } from './session';

/** A generated document: its text, typed with its result and variables. */
export type Document<Result, Variables> = DocumentTypeDecoration<Result, Variables> & { toString(): string };

export type ApiErrorKind = 'unauthenticated' | 'unavailable' | 'graphql';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly kind: ApiErrorKind,
  ) {
    super(message);
  }
}

const GRAPHQL_PATH = '/graphql';

export const refusedKeyMessage = 'This API key was refused: it is unknown, revoked or mistyped.';

export async function execute<Result, Variables>(session: Session, document: Document<Result, Variables>, variables: Variables, signal?: AbortSignal): Promise<Result> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...credentials(session) },
      body: JSON.stringify({ query: document.toString(), variables }),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('The hub is not reachable. Check that it is running, then try again.', 'unavailable');
  }
  if (response.status === 401) throw new ApiError(refusedKeyMessage, 'unauthenticated');
  let body: { data?: Result; errors?: { message: string }[] };
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The hub answered ${response.status} without a GraphQL result.`, 'unavailable');
  }
  if (body.errors?.length) throw new ApiError(body.errors.map((error) => error.message).join('; '), 'graphql');
  if (body.data === undefined) throw new ApiError(`The hub answered ${response.status} without data.`, 'unavailable');
  return body.data;
}

export type LiveState = 'connecting' | 'live' | 'lost';

export interface LiveClientOptions {
  onState(state: LiveState): void;
  /** The hub closed the socket because the key is no longer valid. */
  onRefused(): void;
}

/** graphql-ws closes with 4403 when the key is refused. */
const FORBIDDEN = 4403;

function closeCode(event: unknown): number | undefined {
  return typeof event === 'object' && event !== null && 'code' in event ? Number((event as { code: unknown }).code) : undefined;
}

/**
 * One socket for every live view. It connects at once and, when lost, reconnects for as long as
 * the console is open (backing off to 10 s); graphql-ws re-subscribes every active view.
 */
export function createLiveClient(session: Session, { onState, onRefused }: LiveClientOptions): Client {
  let everConnected = false;
  return createClient({
    url: () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${GRAPHQL_PATH}`,
    connectionParams: () => connectionParams(session),
    lazy: false,
    keepAlive: 10_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: (event) => closeCode(event) !== FORBIDDEN,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 300 * 2 ** retries) * (0.75 + Math.random() / 2))),
    onNonLazyError: () => undefined,
    on: {
      connecting: () => onState(everConnected ? 'lost' : 'connecting'),
      connected: () => {
        everConnected = true;
        onState('live');
      },
      closed: (event) => {
        if (closeCode(event) === FORBIDDEN) onRefused();
        else if (everConnected) onState('lost');
      },
    },
  });
}

export function subscribe<Result, Variables>(client: Client, document: Document<Result, Variables>, variables: Variables, onData: (data: Result) => void): () => void {
  return client.subscribe<Result>(
    { query: document.toString(), variables: variables as Record<string, unknown> },
    {
      next: (message) => {
        if (message.data) onData(message.data);
      },
      // A failed subscription is shown by the connection state; the view keeps its last data.
      error: () => undefined,
      complete: () => undefined,
    },
  );
}
