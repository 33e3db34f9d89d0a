/**
 * The inbound webhook log: newest first, filtered by status, connector and time (the filters are
 * in the URL, so a filtered view can be shared), updated live as webhooks arrive and settle.
 * Replays one selection or everything the filter matches.
 */
import { useState } from 'react';
import { Link } from 'wouter';
import { useApi } from '../../api/api-context';
import { useMutation, useQuery, useSubscription, useThrottled } from '../../api/hooks';
import { outcome } from '../../api/outcome';
import { Ago, Badge } from '../../components/format';
import { useSearchParam } from '../../components/search-param';
import { Empty, ErrorNotice, QueryView, Notice } from '../../components/states';
import type { WebhookEventStatus, WebhookLogQuery as WebhookLogResult } from '../../gql/graphql';
import { ReplayWebhookEvents, WebhookEventLive, WebhookLogQuery } from './documents';

const statuses: WebhookEventStatus[] = ['RECEIVED', 'DISPATCHED', 'PROCESSED', 'PARTIAL', 'FAILED', 'SKIPPED', 'DEAD'];

/** `datetime-local` values are local wall-clock times; the API takes instants. */
const toInstant = (local: string | null) => (local ? new Date(local).toISOString() : null);

type Row = WebhookLogResult['webhookEvents']['edges'][number]['node'];

export function WebhookLog() {
  const [status, setStatus] = useSearchParam('status');
  const [connector, setConnector] = useSearchParam('connector');
  const [since, setSince] = useSearchParam('since');
  const [before, setBefore] = useSearchParam('before');
  const filter = {
    connectorType: connector,
    status: status as WebhookEventStatus | null,
    receivedSince: toInstant(since),
    receivedBefore: toInstant(before),
  };
  const log = useQuery(WebhookLogQuery, { ...filter, after: null });
  const { request } = useApi();
  /** Pages below the first one, loaded on demand; the live first page reloads on its own. */
  const [older, setOlder] = useState<{ rows: Row[]; endCursor: string | null; hasNextPage: boolean } | undefined>();
  const [loadingMore, setLoadingMore] = useState(false);
  const reload = useThrottled(log.refetch, 300);
  useSubscription(WebhookEventLive, { connectorType: filter.connectorType }, reload);
  const [selected, setSelected] = useState<string[]>([]);
  const [replay, replaying] = useMutation(ReplayWebhookEvents);
  const [notice, setNotice] = useState<string | undefined>();

  /** A new filter starts from its first page, with nothing selected. */
  const filterBy = (set: (value: string | null) => void) => (value: string) => {
    setOlder(undefined);
    setSelected([]);
    set(value || null);
  };

  const runReplay = async (input: Parameters<typeof replay>[0]['input'], what: string) => {
    setNotice(undefined);
    const result = await replay({ input });
    if (!result) return;
    const answer = outcome(result.replayWebhookEvents);
    setNotice(answer.ok ? `${answer.data.queued.length} ${what} queued for processing again.` : answer.message);
    if (answer.ok) setSelected([]);
    log.refetch();
  };

  const pageInfo = older ?? log.data?.webhookEvents.pageInfo;
  const loadMore = async () => {
    setLoadingMore(true);
    try {
      const page = (await request(WebhookLogQuery, { ...filter, after: pageInfo?.endCursor ?? null })).webhookEvents;
      setOlder({ rows: [...(older?.rows ?? []), ...page.edges.map((edge) => edge.node)], ...page.pageInfo });
    } finally {
      setLoadingMore(false);
    }
  };
  const filtered = Boolean(filter.connectorType || filter.status || filter.receivedSince || filter.receivedBefore);

  return (
    <section>
      <h1>Inbound webhooks</h1>
      <form className="filters" aria-label="Filters" onSubmit={(event) => event.preventDefault()}>
        <label>
          Status
          <select value={filter.status ?? ''} onChange={(event) => filterBy(setStatus)(event.target.value)} name="status">
            <option value="">any</option>
            {statuses.map((status) => (
              <option key={status} value={status}>
                {status.toLowerCase()}
              </option>
            ))}
          </select>
        </label>
        <label>
          Connector
          <select value={filter.connectorType ?? ''} onChange={(event) => filterBy(setConnector)(event.target.value)} name="connector">
            <option value="">any</option>
            {log.data?.integrations.map((integration) => (
              <option key={integration.connectorType} value={integration.connectorType}>
                {integration.connector.displayName}
              </option>
            ))}
          </select>
        </label>
        <label>
          Received since
          <input type="datetime-local" value={since ?? ''} onChange={(event) => filterBy(setSince)(event.target.value)} name="since" />
        </label>
        <label>
          before
          <input type="datetime-local" value={before ?? ''} onChange={(event) => filterBy(setBefore)(event.target.value)} name="before" />
        </label>
      </form>

      <div className="actions">
        <button type="button" disabled={selected.length === 0 || replaying.running} onClick={() => runReplay({ eventIds: selected }, 'selected webhook(s)')}>
          Replay selected ({selected.length})
        </button>
        <button
          type="button"
          disabled={!filtered || replaying.running}
          title="Replays every event the filters match (at most 1000)"
          onClick={() =>
            window.confirm('Process again every webhook this filter matches (at most 1000)?') &&
            runReplay({ connectorType: filter.connectorType, statuses: filter.status ? [filter.status] : null, receivedSince: filter.receivedSince, receivedBefore: filter.receivedBefore }, 'webhook(s)')
          }
        >
          Replay all matching
        </button>
        <Notice text={notice} />
      </div>
      <ErrorNotice error={replaying.error} />

      <QueryView state={log} what="Loading webhooks">
        {(data) => {
          const first = data.webhookEvents.edges.map((edge) => edge.node);
          const rows = [...first, ...(older?.rows ?? []).filter((row) => !first.some((f) => f.deliveryId === row.deliveryId))];
          if (rows.length === 0) {
            return filtered ? (
              <Empty title="No webhook matches these filters" />
            ) : (
              <Empty title="No inbound webhook yet">
                <p>
                  Host systems post signed webhooks to the webhook URL shown on each <Link href="/integrations">integration</Link>. They appear here as they arrive.
                </p>
              </Empty>
            );
          }
          const toggle = (id: string, on: boolean) => setSelected((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));
          return (
            <>
              <table className="list" aria-label="Webhook events">
                <thead>
                  <tr>
                    <th aria-label="Select" />
                    <th>Received</th>
                    <th>Connector</th>
                    <th>Status</th>
                    <th>Transfers</th>
                    <th>Delivery id</th>
                    <th>Error</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.deliveryId} data-delivery={row.deliveryId}>
                      <td>
                        <input type="checkbox" aria-label={`Select ${row.deliveryId}`} checked={selected.includes(row.deliveryId)} onChange={(event) => toggle(row.deliveryId, event.target.checked)} />
                      </td>
                      <td>
                        <Ago at={row.receivedAt} />
                      </td>
                      <td>{row.connectorType}</td>
                      <td>
                        <Badge value={row.status} />
                      </td>
                      <td>{row.transferCount}</td>
                      <td>
                        <Link href={`/webhooks/${row.deliveryId}`}>
                          <code>{row.deliveryId}</code>
                        </Link>
                      </td>
                      <td className="small">{row.error ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {pageInfo?.hasNextPage && (
                <button type="button" onClick={loadMore} disabled={loadingMore}>
                  {loadingMore ? 'Loading…' : 'Load older'}
                </button>
              )}
            </>
          );
        }}
      </QueryView>
    </section>
  );
}
