/**
 * An endpoint's messages (one event on its way to it): status, attempts, the exact body sent,
 * each attempt; resend one. Kept current by the endpoint's live attempts.
 */
import { useState } from 'react';
import { useMutation, useQuery, useSubscription, useThrottled } from '../../api/hooks';
import { outcome } from '../../api/outcome';
import { JsonBlock } from '../../components/format';
import { Empty, ErrorNotice, QueryView, Notice } from '../../components/states';
import { DeliveryStateCells, DeliveryStateHeadings } from '../shared/delivery-state';
import { ExpandableMessageTable } from '../shared/expandable-message-table';
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
            <ExpandableMessageTable headings={<DeliveryStateHeadings />} messages={rows} idOf={(m) => m.eventId} columns={7} open={open} onOpen={setOpen}
              cells={(m) => <DeliveryStateCells delivery={m} onResend={() => runResend(m.eventId)} resending={resending.running} />}
              detail={(m) => (
                <>
                  <p className="muted">
                    webhook-id <code>{m.eventId}</code>
                  </p>
                  <JsonBlock text={m.payload} label="Payload" />
                  {m.attemptLog.length > 0 && <AttemptTable attempts={m.attemptLog} label="Attempts of this message" />}
                </>
              )}
            />
          );
        }}
      </QueryView>
    </div>
  );
}
