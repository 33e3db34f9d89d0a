/**
 * One endpoint: enable or disable it, its event types, its secret (revealed only on request,
 * and rotated), a test event, the live attempt log, its messages with resend, and recovery of
 * failed messages since a time.
 */
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { useApi } from '../../api/api-context';
import { useMutation, useQuery, useSubscription, useThrottled } from '../../api/hooks';
import { outcome } from '../../api/outcome';
import { DeleteCard } from '../../components/delete-card';
import { Field, OtherErrors } from '../../components/field';
import { Ago, Badge, formatTime } from '../../components/format';
import { useSearchParam } from '../../components/search-param';
import { Empty, ErrorNotice, QueryView, Notice } from '../../components/states';
import type { EndpointFieldsFragment } from '../../gql/graphql';
import { AttemptLog } from './attempt-log';
import { DeleteEndpoint, EndpointChanges, EndpointPageQuery, RecoverMessages, RevealSecret, RotateSecret, SendTestEvent, UpdateEndpoint } from './documents';
import { EventTypePicker } from './event-type-picker';
import { MessageLog } from './message-log';

export function EndpointPage({ endpointId }: { endpointId: string }) {
  const page = useQuery(EndpointPageQuery, { endpointId });
  useSubscription(EndpointChanges, {}, useThrottled(page.refetch, 300));
  const [status, setStatus] = useSearchParam('status');

  return (
    <QueryView state={page} what="Loading the endpoint">
      {({ webhookEndpoint: endpoint, eventTypes }) => {
        if (!endpoint) {
          return (
            <Empty title={`No endpoint ${endpointId}`}>
              <p>
                <Link href="/endpoints">Back to the endpoints</Link>
              </p>
            </Empty>
          );
        }
        return (
          <section>
            <p className="crumbs">
              <Link href="/endpoints">Endpoints</Link> /
            </p>
            <header className="page-head">
              <h1>{endpoint.url}</h1>
              <Badge value={endpoint.enabled ? 'enabled' : 'disabled'} label={endpoint.enabled ? 'enabled' : `disabled (${endpoint.disabledReason ?? 'manual'})`} />
            </header>
            <Settings endpoint={endpoint} catalog={eventTypes} onChanged={page.refetch} />
            <Secret endpoint={endpoint} onRotated={page.refetch} />
            <TestEvent endpoint={endpoint} catalog={eventTypes} />
            <AttemptLog endpointId={endpointId} />
            <MessageLog endpointId={endpointId} status={status} onStatus={setStatus} />
            <Recover endpointId={endpointId} />
            <DeleteEndpointCard endpointId={endpointId} />
          </section>
        );
      }}
    </QueryView>
  );
}

function Settings({ endpoint, catalog, onChanged }: { endpoint: EndpointFieldsFragment; catalog: Array<{ type: string; description: string }>; onChanged(): void }) {
  const [update, updating] = useMutation(UpdateEndpoint);
  const [eventTypes, setEventTypes] = useState(endpoint.eventTypes);
  const [problem, setProblem] = useState<string | undefined>();
  const [saved, setSaved] = useState<string | undefined>();
  const apply = async (input: { enabled?: boolean; eventTypes?: string[] }, done: string) => {
    setProblem(undefined);
    setSaved(undefined);
    const result = await update({ endpointId: endpoint.endpointId, input });
    if (!result) return;
    const answer = outcome(result.updateWebhookEndpoint);
    if (answer.ok) {
      setSaved(done);
      onChanged();
    } else setProblem(Object.values(answer.fields)[0] ?? answer.message);
  };
  return (
    <div className="card">
      <dl className="facts">
        <dt>Endpoint id</dt>
        <dd>
          <code>{endpoint.endpointId}</code>
        </dd>
        {endpoint.description && (
          <>
            <dt>Description</dt>
            <dd>{endpoint.description}</dd>
          </>
        )}
        <dt>Failing since</dt>
        <dd>{endpoint.failingSince ? formatTime(endpoint.failingSince) : '—'}</dd>
        <dt>Rate limit</dt>
        <dd>{endpoint.rateLimitPerSecond ? `${endpoint.rateLimitPerSecond}/s` : 'none'}</dd>
        <dt>Created</dt>
        <dd>
          <Ago at={endpoint.createdAt} />
        </dd>
      </dl>
      <div className="actions">
        {endpoint.enabled ? (
          <button type="button" onClick={() => apply({ enabled: false }, 'Disabled: new messages are cancelled until it is enabled again.')} disabled={updating.running}>
            Disable
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => apply({ enabled: true }, 'Enabled. Recover to send what was cancelled meanwhile.')} disabled={updating.running}>
            Enable
          </button>
        )}
        <Notice text={saved} />
      </div>
      <EventTypePicker catalog={catalog} value={eventTypes} onChange={setEventTypes} />
      <div className="actions">
        <button type="button" onClick={() => apply({ eventTypes }, 'Event types saved.')} disabled={updating.running}>
          Save event types
        </button>
      </div>
      <ErrorNotice error={problem ?? updating.error} />
    </div>
  );
}

interface RevealedSecret {
  secret: string;
  previousSecret: string | null;
  previousSecretValidUntil: string | null;
}

function Secret({ endpoint, onRotated }: { endpoint: EndpointFieldsFragment; onRotated(): void }) {
  const { request } = useApi();
  const [revealed, setRevealed] = useState<RevealedSecret | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [rotate, rotating] = useMutation(RotateSecret);
  const [notice, setNotice] = useState<string | undefined>();

  const reveal = async () => {
    setProblem(undefined);
    try {
      const answer = outcome((await request(RevealSecret, { endpointId: endpoint.endpointId })).webhookEndpointSecret);
      if (answer.ok) setRevealed(answer.data);
      else setProblem(answer.message);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  const runRotate = async () => {
    if (!window.confirm('Rotate the signing secret? The current one keeps signing beside the new one during the overlap.')) return;
    setRevealed(undefined);
    const result = await rotate({ endpointId: endpoint.endpointId });
    if (!result) return;
    const answer = outcome(result.rotateWebhookEndpointSecret);
    setNotice(answer.ok ? `Rotated. The previous secret keeps signing until ${formatTime(answer.data.previousSecretValidUntil)}.` : answer.message);
    onRotated();
  };

  return (
    <div className="card">
      <h2>Signing secret</h2>
      <p className="help">Receivers verify each delivery with it. It stays hidden until you reveal it.</p>
      {revealed ? (
        <div className="secret" data-testid="revealed-secret">
          <code>{revealed.secret}</code>
          {revealed.previousSecret && (
            <p className="muted small">
              Previous secret, signing until {formatTime(revealed.previousSecretValidUntil)}: <code>{revealed.previousSecret}</code>
            </p>
          )}
          <button type="button" onClick={() => setRevealed(undefined)}>
            Hide
          </button>
        </div>
      ) : (
        <p>
          <code className="masked">whsec_••••••••••••••••</code>{' '}
          <button type="button" onClick={reveal}>
            Reveal secret
          </button>
        </p>
      )}
      {endpoint.previousSecretValidUntil && !revealed && <p className="muted small">The previous secret keeps signing until {formatTime(endpoint.previousSecretValidUntil)}.</p>}
      <div className="actions">
        <button type="button" onClick={runRotate} disabled={rotating.running}>
          Rotate secret
        </button>
        <Notice text={notice} />
      </div>
      <ErrorNotice error={problem ?? rotating.error} />
    </div>
  );
}

type CatalogEntry = { type: string; origin: string; description: string; archived: boolean; exampleData: Record<string, unknown> };

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

/**
 * A test event of any catalog type, to this endpoint only, with data to edit: prefilled with the
 * type's example, checked as JSON here and against the type's schema by the API, whose field
 * errors (`data.offering_id`) appear beside the data.
 */
function TestEvent({ endpoint, catalog }: { endpoint: EndpointFieldsFragment; catalog: CatalogEntry[] }) {
  const sendable = catalog.filter((option) => !option.archived);
  const [eventType, setEventType] = useState(sendable[0]?.type ?? '');
  const entry = sendable.find((option) => option.type === eventType);
  const [text, setText] = useState(() => pretty(entry?.exampleData ?? {}));
  const [send, sending] = useMutation(SendTestEvent);
  const [result, setResult] = useState<{ ok: boolean; text: string } | undefined>();
  const [fields, setFields] = useState<Record<string, string>>({});

  const choose = (type: string) => {
    setEventType(type);
    setText(pretty(sendable.find((option) => option.type === type)?.exampleData ?? {}));
    setFields({});
    setResult(undefined);
  };
  const run = async () => {
    setResult(undefined);
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return setFields({ data: `is not valid JSON: ${(error as Error).message}` });
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return setFields({ data: 'must be a JSON object' });
    setFields({});
    const answer = await send({ endpointId: endpoint.endpointId, eventType, data: data as Record<string, unknown> });
    if (!answer) return;
    const settled = outcome(answer.sendTestEvent);
    if (settled.ok) return setResult({ ok: true, text: `Test event ${settled.data} queued; its attempt appears in the log below.` });
    setFields(settled.fields);
    setResult({ ok: false, text: settled.message });
  };
  const dataErrors = Object.entries(fields).filter(([path]) => path === 'data' || path.startsWith('data.'));
  return (
    <div className="card">
      <h2>Send a test event</h2>
      <p className="help">Sent to this endpoint only, signed like any other message. {entry?.origin === 'hub' ? 'The hub adds "test": true to its own types\' data.' : "A product type's data must match its schema."}</p>
      <Field label="Event type" error={fields.eventType}>
        <select value={eventType} onChange={(event) => choose(event.target.value)} name="test-event-type" aria-label="Event type to send">
          {sendable.map((option) => (
            <option key={option.type} value={option.type}>
              {option.type} ({option.origin})
            </option>
          ))}
        </select>
      </Field>
      <Field
        label="Data"
        help={entry?.description}
        error={dataErrors.length ? dataErrors.map(([path, message]) => `${path} ${message}`).join('; ') : undefined}
        aside={
          <button type="button" className="link" onClick={() => choose(eventType)}>
            Reset to the example
          </button>
        }
      >
        <textarea className="code" name="test-event-data" aria-label="Test event data" rows={Math.min(16, text.split('\n').length + 1)} spellCheck={false} value={text} onChange={(event) => setText(event.target.value)} />
      </Field>
      <OtherErrors errors={fields} shown={(path) => path === 'eventType' || path === 'data' || path.startsWith('data.')} />
      <div className="filters">
        <button type="button" className="primary" onClick={run} disabled={sending.running || !eventType}>
          {sending.running ? 'Sending…' : 'Send test event'}
        </button>
        {result && (
          <p className={result.ok ? 'saved' : 'bad'} role="status">
            {result.text}
          </p>
        )}
      </div>
      <ErrorNotice error={sending.error} />
    </div>
  );
}

function Recover({ endpointId }: { endpointId: string }) {
  const [since, setSince] = useState('');
  const [recover, recovering] = useMutation(RecoverMessages);
  const [result, setResult] = useState<string | undefined>();
  const run = async () => {
    if (!since) return;
    const answer = await recover({ endpointId, since: new Date(since).toISOString() });
    if (!answer) return;
    const settled = outcome(answer.recoverWebhookMessages);
    setResult(settled.ok ? `${settled.data} message(s) queued to be sent again.` : settled.message);
  };
  return (
    <div className="card">
      <h2>Recover</h2>
      <p className="help">Sends again every failed or cancelled message since a time, e.g. after an outage of the receiver.</p>
      <div className="filters">
        <label>
          Since
          <input type="datetime-local" value={since} onChange={(event) => setSince(event.target.value)} name="recover-since" />
        </label>
        <button type="button" onClick={run} disabled={!since || recovering.running}>
          Recover messages
        </button>
        <Notice text={result} />
      </div>
      <ErrorNotice error={recovering.error} />
    </div>
  );
}

function DeleteEndpointCard({ endpointId }: { endpointId: string }) {
  const [remove, removing] = useMutation(DeleteEndpoint);
  const [, navigate] = useLocation();
  const onDelete = async () => {
    const answer = await remove({ endpointId });
    if (!answer) return undefined; // the call itself failed: shown from removing.error
    const settled = outcome(answer.deleteWebhookEndpoint);
    if (!settled.ok) return settled.message;
    navigate('/endpoints');
    return undefined;
  };
  return <DeleteCard label="Delete this endpoint" confirmation="Delete this endpoint? It receives nothing more; its messages and attempt log are deleted." onDelete={onDelete} error={removing.error} />;
}
