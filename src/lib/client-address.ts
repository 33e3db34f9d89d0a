/**
 * The client's address, for limits per client. Behind a reverse proxy every request comes from
 * the proxy; X-Forwarded-For is believed only from the configured proxies (HUB_TRUST_PROXY),
 * never from anyone, or each request could pick its own address. The same rule serves Fastify
 * (its `trustProxy` option takes the function) and WebSocket upgrades, which Fastify never sees.
 */
import type { IncomingMessage } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';

export type TrustProxy = (address: string, hop: number) => boolean;

/** `10.0.0.0/8, loopback` → a trust function; throws on an address or range that does not parse. */
export function trustedProxies(spec: string): TrustProxy {
  return proxyAddr.compile(spec.split(',').map((part) => part.trim()).filter(Boolean));
}

export function clientAddress(request: IncomingMessage, trust: TrustProxy | undefined): string {
  return trust ? proxyAddr(request, trust) : (request.socket.remoteAddress ?? 'unknown');
}
