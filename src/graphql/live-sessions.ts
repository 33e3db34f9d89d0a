/**
 * GraphQL sessions that outlive one request: graphql-ws connections and subscriptions (over
 * WebSocket or SSE). An HTTP request authenticates and is over; these stay open, so:
 *
 * - every `recheckMs` (HUB_AUTH_RECHECK_MS) the keys of all open sessions of this instance are
 *   checked again, in one query per kind against the shared database (`OrgService.validCallers`):
 *   a key revoked through any instance (an organization's key or a platform key), an
 *   organization disabled, or the organization a platform key acts for disabled, ends its
 *   sessions here within one interval (a WebSocket closes with 4403, a subscription completes);
 * - one key holds at most `maxSubscriptionsPerKey` (HUB_MAX_SUBSCRIPTIONS_PER_KEY) live
 *   subscriptions on one instance; one more is refused with TOO_MANY_SUBSCRIPTIONS.
 */
import { GraphQLError } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { Caller, OrgService } from '../domain/orgs/org-service';
import type { Logger } from '../lib/logger';
import type { GraphQLContext } from './context';

export interface LiveSession {
  /** The key and the organization it acts for. */
  caller: Caller;
  kind: 'socket' | 'subscription';
  /** Ends the session because its key may no longer act. */
  end(): void;
}

export interface LiveSessionOptions {
  orgs: OrgService;
  logger: Logger;
  recheckMs: number;
  maxSubscriptionsPerKey: number;
}

export class LiveSessions {
  private readonly byKey = new Map<string, Set<LiveSession>>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly options: LiveSessionOptions) {}

  get maxSubscriptionsPerKey(): number {
    return this.options.maxSubscriptionsPerKey;
  }

  /** Tracks a session until the returned function is called (its end, for whatever reason). */
  add(session: LiveSession): () => void {
    const { keyId } = session.caller.principal;
    const sessions = this.byKey.get(keyId) ?? new Set();
    sessions.add(session);
    this.byKey.set(keyId, sessions);
    return () => {
      sessions.delete(session);
      if (sessions.size === 0 && this.byKey.get(keyId) === sessions) this.byKey.delete(keyId);
    };
  }

  subscriptionsOf(keyId: string): number {
    let count = 0;
    for (const session of this.byKey.get(keyId) ?? []) if (session.kind === 'subscription') count += 1;
    return count;
  }

  /** Ends every session whose key may no longer act. */
  async recheck(): Promise<void> {
    if (this.byKey.size === 0) return;
    const open = [...this.byKey.values()].flatMap((sessions) => [...sessions]);
    const valid = await this.options.orgs.validCallers(open.map((session) => session.caller));
    open.forEach((session, index) => {
      if (valid[index]) return;
      const sessions = this.byKey.get(session.caller.principal.keyId);
      sessions?.delete(session);
      if (sessions?.size === 0) this.byKey.delete(session.caller.principal.keyId);
      session.end();
    });
  }

  start(): void {
    this.timer = setInterval(() => {
      // One check at a time: a slow database must not pile them up.
      this.running ??= this.recheck()
        .catch((err: unknown) => this.options.logger.warn({ err }, 'could not re-check the API keys of open GraphQL sessions'))
        .finally(() => (this.running = undefined));
    }, this.options.recheckMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}

/** Counts and tracks every subscription, on both transports (graphql-ws runs through Yoga's envelop too). */
export function useLiveSubscriptions(sessions: LiveSessions): Plugin {
  return {
    onSubscribe: ({ args, setResultAndStopExecution }) => {
      const { principal, orgId } = args.contextValue as unknown as GraphQLContext;
      if (!principal) return undefined; // refused by the auth scope
      const max = sessions.maxSubscriptionsPerKey;
      if (sessions.subscriptionsOf(principal.keyId) >= max) {
        const message = `this API key already has ${max} subscriptions open, the most it may hold at once: end one before starting another`;
        setResultAndStopExecution({ errors: [new GraphQLError(message, { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } })] });
        return undefined;
      }
      // The slot is taken now, before subscribing, so concurrent requests cannot all slip under the cap.
      let end = () => {};
      const remove = sessions.add({ caller: { principal, orgId }, kind: 'subscription', end: () => end() });
      return {
        onSubscribeResult: ({ result }) => {
          if (!isAsyncIterable(result)) return remove();
          end = () => void result.return?.();
          return { onEnd: remove };
        },
        onSubscribeError: remove,
      };
    },
  };
}
