/**
 * An endpoint's messages (one event on its way to it): status, attempts, the exact body sent,
 * each attempt; resend one. Kept current by the endpoint's live attempts.
 */
import { Fragment, useState } from 'react';
import { useMutation, useQuery, useSubscription, useThrottled } from '../../api/hooks';
import { outcome } from '../../api/outcome';
import { Ago, Badge, formatTime, JsonBlock } from '../../components/format';
import { Empty, ErrorNotice, QueryView, Notice } from '../../components/states';
import { AttemptTable } from './attempt-log';
import { AttemptLive, MessagesQuery, ResendMessage } from './documents';

const statuses = ['pending', 'succeeded', 'failed', 'cancelled'];

export function MessageLog({ endpointId, status, onStatus }: { endpointId: string; status: string | null; onStatus(status: string | null): void }) {
  const messages = useQuery(MessagesQuery, { endpointId, status, after: null });
  useSubscription(AttemptLive, { endpointId }, useThrottled(messages.refetch, 300));
  const [open, setOpen] = useState<string | undefined>();
  const [resend, resending] = useMutation(ResendMessage);
  const [notice, setNotice] = useState<string | undefined>();

  const runResend = async (eventId: string) => {
    const result = await resend({ endpointId, eventId });
    if (!result) return;
    const answer = outcome(result.resendWebhookMessage);
    setNotice(answer.ok ? `Message ${eventId} queued to be sent again.` : answer.message);
    messages.refetch();
  };

  return (
    <div className="card">
      <h2>Messages</h2>
      <div className="filters">
        <label>
          Status
          <select value={status ?? ''} onChange={(event) => onStatus(event.target.value || null)} name="message-status">
            <option value="">any</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <Notice text={notice} />
      </div>
      <ErrorNotice error={resending.error} />
      <QueryView state={messages} what="Loading messages">
        {(data) => {
          const rows = data.webhookMessages.edges.map((edge) => edge.node);
          if (rows.length === 0) return <Empty title={status ? `No ${status} message` : 'No message yet'} />;
          return (
            <table className="list" aria-label="Messages">
              <thead>
                <tr>
                  <th>Created</th>
                  <th>Event type</th>
                  <th>Status</th>
                  <th>Attempts</th>
                  <th>Next attempt</th>
                  <th>Last answer</th>
                  <th aria-label="Actions" />
                </tr>
              </thead>
              <tbody>
                {rows.map((m) => (
                  <Fragment key={m.eventId}>
                    <tr data-message={m.eventId}>
                      <td>
                        <button type="button" className="link" aria-expanded={open === m.eventId} onClick={() => setOpen(open === m.eventId ? undefined : m.eventId)}>
                          <Ago at={m.createdAt} />
                        </button>
                      </td>
                      <td>{m.eventType}</td>
                      <td>
                        <Badge value={m.status} />
                      </td>
                      <td>{m.attempts}</td>
                      <td>{m.nextAttemptAt ? formatTime(m.nextAttemptAt) : '—'}</td>
                      <td className="small">{m.lastStatusCode ?? m.lastError ?? '—'}</td>
                      <td>
                        <button type="button" className="link" onClick={() => runResend(m.eventId)} disabled={resending.running}>
                          Resend
                        </button>
                      </td>
                    </tr>
                    {open === m.eventId && (
                      <tr className="detail">
                        <td colSpan={7}>
                          <p className="muted">
                            webhook-id <code>{m.eventId}</code>
                          </p>
                          <JsonBlock text={m.payload} label="Payload" />
                          {m.attemptLog.length > 0 && <AttemptTable attempts={m.attemptLog} label="Attempts of this message" />}
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
              </tbody>
            </table>
          );
        }}
      </QueryView>
    </div>
  );
}
