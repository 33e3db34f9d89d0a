/**
 * SSRF guard: host systems are configured by customers, so a URL could point the hub at its own
 * network (loopback, private ranges, the cloud metadata service at 169.254.169.254). Only public
 * unicast addresses are allowed unless the operator opts in (HUB_ALLOW_PRIVATE_TARGETS).
 *
 * The check runs on the address actually connected to: as the DNS lookup of the connection
 * (so a name that resolves to a public address when validated and to 127.0.0.1 when connecting,
 * "DNS rebinding", is still refused), and before connecting for IP-literal hosts, which Node
 * connects to without a lookup.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { OutboundBlockedError } from './errors';

/** How the refusal names each range; anything not listed is refused under its ipaddr.js name. */
const RANGE_LABELS: Record<string, string> = {
  loopback: 'loopback',
  private: 'private network',
  linkLocal: 'link-local, includes the cloud metadata service',
  carrierGradeNat: 'carrier-grade NAT',
  uniqueLocal: 'unique-local',
  unspecified: 'unspecified address',
  broadcast: 'broadcast',
  multicast: 'multicast',
  reserved: 'reserved range',
};

/**
 * Why an address must not be connected to, or undefined when it is public unicast. An allow-list
 * of 'unicast' rather than a block-list, so ranges that embed an IPv4 address (NAT64, 6to4,
 * IPv4-translated) and ranges added later are refused too.
 */
export function refusalReason(address: string): string | undefined {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    // process() unwraps IPv4-mapped IPv6 (::ffff:127.0.0.1) to the IPv4 address it carries.
    parsed = ipaddr.process(address);
  } catch {
    return 'not an IP address';
  }
  const range = parsed.range();
  return range === 'unicast' ? undefined : (RANGE_LABELS[range] ?? range);
}

function blocked(address: string, reason: string): OutboundBlockedError {
  return new OutboundBlockedError(
    `refusing to connect to ${address} (${reason}): set HUB_ALLOW_PRIVATE_TARGETS=true for on-premise hosts and simulators`,
  );
}

/** Throws when `hostname` is an IP literal the guard refuses (URL.hostname keeps IPv6 brackets). */
export function assertLiteralAllowed(hostname: string): void {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  if (isIP(bare) === 0) return;
  const reason = refusalReason(bare);
  if (reason !== undefined) throw blocked(bare, reason);
}

/**
 * A `lookup` for net/tls connect options that resolves as usual and fails the connection when
 * any resolved address is refused: refusing all is simpler to reason about than connecting to the
 * one public address of a name that also resolves privately.
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, options, (error, address: string | LookupAddress[], family?: number) => {
    if (error) {
      callback(error, address, family);
      return;
    }
    const addresses = Array.isArray(address) ? address.map((entry) => entry.address) : [address];
    for (const candidate of addresses) {
      const reason = refusalReason(candidate);
      if (reason !== undefined) {
        callback(blocked(candidate, reason), address, family);
        return;
      }
    }
    callback(null, address, family);
  });
};
