/**
 * The message log: every event sent to the organization's endpoints, newest first, filtered by
 * event type, delivery status and time (in the URL, so a filtered view can be shared). Each
 * message opens to its body and its delivery to each endpoint (status, attempts, last answer),
 * with resend (each attempt is on the endpoint's page); it reloads as attempts happen. Pages are
 * 25 messages: the API's complexity limit counts every delivery of every message.
 */
import { useState } from 'react';
import { Link } from 'wouter';
import { useApi } from '../../api/api-context';
import { useMutation, useQuery, useSubscription, useThrottled } from '../../api/hooks';
import { outcome } from '../../api/outcome';
import { Badge, JsonBlock } from '../../components/format';
import { useSearchParam } from '../../components/search-param';
import { Empty, ErrorNotice, Notice, QueryView } from '../../components/states';
import { graphql } from '../../gql';
import type { DeliveryStatus, MessageLogQuery as MessageLogResult } from '../../gql/graphql';
import { AttemptLive, ResendMessage } from '../endpoints/documents';
import { DeliveryStateCells, DeliveryStateHeadings } from '../shared/delivery-state';
import { ExpandableMessageTable } from '../shared/expandable-message-table';

export const MessageLogQuery = graphql(`
  query MessageLog($eventType: String, $status: DeliveryStatus, $since: DateTime, $until: DateTime, $after: String) {
    messageLog(eventType: $eventType, status: $status, since: $since, until: $until, first: 25, after: $after) {
      edges {
        node {
          messageId eventType createdAt payload
          deliveries { endpointId status attempts nextAttemptAt lastStatusCode lastError completedAt }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
    webhookEndpoints { endpointId url }
    eventTypes { type }
  }
`);

type Message = MessageLogResult['messageLog']['edges'][number]['node'];

const statuses: DeliveryStatus[] = ['PENDING', 'SUCCEEDED', 'FAILED', 'CANCELLED'];

/** `datetime-local` values are local wall-clock times; the API takes instants. */
const toInstant = (local: string | null) => (local ? new Date(local).toISOString() : null);

export function MessageLogPage() {
  const [eventType, setEventType] = useSearchParam('type');
  const [status, setStatus] = useSearchParam('status');
  const [since, setSince] = useSearchParam('since');
  const [until, setUntil] = useSearchParam('until');
  const filter = { eventType, status: status as DeliveryStatus | null, since: toInstant(since), until: toInstant(until) };
  const log = useQuery(MessageLogQuery, { ...filter, after: null });
  useSubscription(AttemptLive, { endpointId: null }, useThrottled(log.refetch, 500));
  const { request } = useApi();
  const [older, setOlder] = useState<{ key: string; rows: Message[]; endCursor: string | null; hasNextPage: boolean } | undefined>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | undefined>();
  const filterKey = JSON.stringify(filter);

  const loadMore = async (after: string | null) => {
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await request(MessageLogQuery, { ...filter, after });
      setOlder((previous) => ({
        key: filterKey,
        rows: [...(previous?.key === filterKey ? previous.rows : []), ...page.messageLog.edges.map((edge) => edge.node)],
        endCursor: page.messageLog.pageInfo.endCursor ?? null,
        hasNextPage: page.messageLog.pageInfo.hasNextPage,
      }));
    } catch (error) {
      setMoreError((error as Error).message);
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <section>
      <h1>Messages</h1>
      <p className="help">
        Every event sent to your <Link href="/endpoints">endpoints</Link>, with its delivery to each of them. The status filter keeps messages with a delivery in that status.
      </p>
      <div className="filters">
        <label>
          Event type
          <select value={eventType ?? ''} onChange={(event) => setEventType(event.target.value || null)} name="type" aria-label="Event type">
            <option value="">any</option>
            {log.data?.eventTypes.map((option) => (
              <option key={option.type} value={option.type}>
                {option.type}
              </option>
            ))}
            {eventType && !log.data?.eventTypes.some((option) => option.type === eventType) && <option value={eventType}>{eventType}</option>}
          </select>
        </label>
        <label>
          Status
          <select value={status ?? ''} onChange={(event) => setStatus(event.target.value || null)} name="status" aria-label="Delivery status">
            <option value="">any</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {s.toLowerCase()}
              </option>
            ))}
          </select>
        </label>
        <label>
          Since
          <input type="datetime-local" value={since ?? ''} onChange={(event) => setSince(event.target.value || null)} name="since" />
        </label>
        <label>
          until
          <input type="datetime-local" value={until ?? ''} onChange={(event) => setUntil(event.target.value || null)} name="until" />
        </label>
      </div>
      <QueryView state={log} what="Loading messages">
        {(data) => {
          const endpoints = new Map(data.webhookEndpoints.map((endpoint) => [endpoint.endpointId, endpoint.url]));
          const extra = older?.key === filterKey ? older : undefined;
          const rows = [...data.messageLog.edges.map((edge) => edge.node), ...(extra?.rows ?? [])];
          const next = extra ? extra : { endCursor: data.messageLog.pageInfo.endCursor ?? null, hasNextPage: data.messageLog.pageInfo.hasNextPage };
          if (rows.length === 0) {
            const filtered = eventType || status || since || until;
            return (
              <Empty title={filtered ? 'No message matches these filters' : 'No message yet'}>
                {!filtered && (
                  <p>
                    Messages appear when an event is sent to an endpoint: <Link href="/endpoints">create an endpoint</Link> and send it a test event.
                  </p>
                )}
              </Empty>
            );
          }
          return (
            <>
              <MessageTable rows={rows} endpoints={endpoints} onChanged={log.refetch} />
              <ErrorNotice error={moreError} />
              {next.hasNextPage && (
                <button type="button" onClick={() => loadMore(next.endCursor)} disabled={loadingMore}>
                  {loadingMore ? 'Loading…' : 'Older messages'}
                </button>
              )}
            </>
          );
        }}
      </QueryView>
    </section>
  );
}

function MessageTable({ rows, endpoints, onChanged }: { rows: Message[]; endpoints: Map<string, string>; onChanged(): void }) {
  const [open, setOpen] = useState<string | undefined>();
  return (
    <ExpandableMessageTable messages={rows} idOf={(message) => message.messageId} columns={4} open={open} onOpen={setOpen}
      headings={
        <>
          <th>Message</th>
          <th>Deliveries</th>
        </>
      }
      cells={(message) => (
        <>
          <td>
            <code className="small">{message.messageId}</code>
          </td>
          <td>
            {message.deliveries.length === 0
              ? '—'
              : message.deliveries.map((delivery) => <Badge key={delivery.endpointId} value={delivery.status} label={`${delivery.status} ×${delivery.attempts}`} />)}
          </td>
        </>
      )}
      detail={(message) => (
        <>
          <JsonBlock text={message.payload} label="Payload" />
          <Deliveries message={message} endpoints={endpoints} onChanged={onChanged} />
        </>
      )}
    />
  );
}

function Deliveries({ message, endpoints, onChanged }: { message: Message; endpoints: Map<string, string>; onChanged(): void }) {
  const [resend, resending] = useMutation(ResendMessage);
  const [notice, setNotice] = useState<string | undefined>();
  const run = async (endpointId: string) => {
    const result = await resend({ endpointId, eventId: message.messageId });
    if (!result) return;
    const answer = outcome(result.resendWebhookMessage);
    setNotice(answer.ok ? `Queued to be sent again to ${endpoints.get(endpointId) ?? endpointId}.` : answer.message);
    onChanged();
  };
  return (
    <>
      <table className="list" aria-label={`Deliveries of ${message.messageId}`}>
        <thead>
          <tr>
            <th>Endpoint</th>
            <DeliveryStateHeadings />
          </tr>
        </thead>
        <tbody>
          {message.deliveries.map((delivery) => (
            <tr key={delivery.endpointId} data-delivery={delivery.endpointId}>
              <td>
                <Link href={`/endpoints/${delivery.endpointId}`}>{endpoints.get(delivery.endpointId) ?? delivery.endpointId}</Link>
              </td>
              <DeliveryStateCells delivery={delivery} onResend={() => run(delivery.endpointId)} resending={resending.running} />
            </tr>
          ))}
        </tbody>
      </table>
      <Notice text={notice} />
      <ErrorNotice error={resending.error} />
    </>
  );
}
