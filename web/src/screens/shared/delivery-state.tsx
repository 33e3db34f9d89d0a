/**
 * A message's delivery to one endpoint as the console's tables show it (an endpoint's messages,
 * each message's deliveries in the message log): status, attempts, next attempt, last answer, and
 * a button to send it again. Headings and cells side by side, so the columns cannot drift apart.
 */
import { Badge, formatTime } from '../../components/format';

interface DeliveryState {
  status: string;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
}

export function DeliveryStateHeadings() {
  return (
    <>
      <th>Status</th>
      <th>Attempts</th>
      <th>Next attempt</th>
      <th>Last answer</th>
      <th aria-label="Actions" />
    </>
  );
}

export function DeliveryStateCells({ delivery, onResend, resending }: { delivery: DeliveryState; onResend(): void; resending: boolean }) {
  return (
    <>
      <td>
        <Badge value={delivery.status} />
      </td>
      <td>{delivery.attempts}</td>
      <td>{delivery.nextAttemptAt ? formatTime(delivery.nextAttemptAt) : '—'}</td>
      <td className="small">{delivery.lastStatusCode ?? delivery.lastError ?? '—'}</td>
      <td>
        <button type="button" className="link" onClick={onResend} disabled={resending}>
          Resend
        </button>
      </td>
    </>
  );
}
