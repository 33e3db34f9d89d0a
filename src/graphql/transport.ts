/**
 * The GraphQL transports of an API process, built together at the first GraphQL request or
 * WebSocket upgrade (see api.ts): Yoga over HTTP and SSE, graphql-ws over WebSocket, and the live
 * sessions both keep. A process that only takes REST calls and webhooks never loads them.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { GraphQLSettings } from '../config';
import type { TrustProxy } from '../lib/client-address';
import type { Services } from '../services';
import { LiveSessions } from './live-sessions';
import { createGraphQLWebSocketServer } from './websocket';
import { createGraphQLServer, type HubYoga } from './yoga';

export interface GraphQLTransport {
  yoga: HubYoga;
  /** Takes over a WebSocket upgrade request for the GraphQL path. */
  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Ends the live sessions, closes every WebSocket (1001) and the WebSocket server. */
  close(): Promise<void>;
}

export function createGraphQLTransport(services: Services, settings: GraphQLSettings, trust: TrustProxy | undefined): GraphQLTransport {
  const sessions = new LiveSessions({
    orgs: services.orgs,
    logger: services.logger,
    recheckMs: settings.authRecheckMs,
    maxSubscriptionsPerKey: settings.maxSubscriptionsPerKey,
  });
  const yoga = createGraphQLServer({ services, settings, sessions });
  const websocket = createGraphQLWebSocketServer(yoga, services, sessions, trust);
  sessions.start();
  return {
    yoga,
    upgrade: (request, socket, head) => websocket.handleUpgrade(request, socket, head, (client) => websocket.emit('connection', client, request)),
    async close() {
      await sessions.stop();
      for (const client of websocket.clients) client.close(1001, 'server shutting down');
      await new Promise<void>((resolve) => websocket.close(() => resolve()));
    },
  };
}
