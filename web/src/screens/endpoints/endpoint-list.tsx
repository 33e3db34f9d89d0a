/** Outbound endpoints: the list (live) and the form that creates one. */
import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { useMutation, useQuery, useSubscription, useThrottled } from '../../api/hooks';
import { outcome, type FieldErrors } from '../../api/outcome';
import { Field, OtherErrors } from '../../components/field';
import { Ago, Badge } from '../../components/format';
import { Empty, ErrorNotice, QueryView } from '../../components/states';
import { CreateEndpoint, EndpointChanges, EndpointListQuery } from './documents';
import { EventTypePicker } from './event-type-picker';

export function EndpointList() {
  const list = useQuery(EndpointListQuery, {});
  useSubscription(EndpointChanges, {}, useThrottled(list.refetch, 300));
  return (
    <section>
      <h1>Endpoints</h1>
      <p className="help">Where your apps and customers receive the hub's events, signed, at least once.</p>
      <QueryView state={list} what="Loading endpoints">
        {({ webhookEndpoints, eventTypes }) => (
          <>
            {webhookEndpoints.length === 0 ? (
              <Empty title="No endpoint yet">
                <p>Create one below: give the URL that should receive events and pick the event types.</p>
              </Empty>
            ) : (
              <table className="list" aria-label="Endpoints">
                <thead>
                  <tr>
                    <th>URL</th>
                    <th>Event types</th>
                    <th>State</th>
                    <th>Created</th>
                  </tr>
                </thead>
                <tbody>
                  {webhookEndpoints.map((endpoint) => (
                    <tr key={endpoint.endpointId} data-endpoint={endpoint.endpointId}>
                      <td>
                        <Link href={`/endpoints/${endpoint.endpointId}`}>{endpoint.url}</Link>
                        {endpoint.description && <div className="muted small">{endpoint.description}</div>}
                      </td>
                      <td className="small">{endpoint.eventTypes.join(', ')}</td>
                      <td>
                        <Badge value={endpoint.enabled ? 'enabled' : 'disabled'} label={endpoint.enabled ? (endpoint.failingSince ? 'failing' : 'enabled') : `disabled (${endpoint.disabledReason ?? 'manual'})`} tone={endpoint.enabled && endpoint.failingSince ? 'warn' : undefined} />
                      </td>
                      <td>
                        <Ago at={endpoint.createdAt} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <CreateEndpointForm catalog={eventTypes} />
          </>
        )}
      </QueryView>
    </section>
  );
}

function CreateEndpointForm({ catalog }: { catalog: Array<{ type: string; description: string }> }) {
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [eventTypes, setEventTypes] = useState<string[]>([]);
  const [rate, setRate] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<string | undefined>();
  const [create, creating] = useMutation(CreateEndpoint);
  const [, navigate] = useLocation();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create({
      input: { url: url.trim(), eventTypes, ...(description.trim() ? { description: description.trim() } : {}), ...(rate ? { rateLimitPerSecond: Number(rate) } : {}) },
    });
    if (!result) return;
    const answer = outcome(result.createWebhookEndpoint);
    if (!answer.ok) {
      setErrors(answer.fields);
      setSummary(answer.message);
      return;
    }
    navigate(`/endpoints/${answer.data.endpoint.endpointId}`);
  };

  const own = ['url', 'eventTypes', 'description', 'rateLimitPerSecond'];
  return (
    <form className="card form" onSubmit={submit} aria-label="Create an endpoint" noValidate>
      <h2>Create an endpoint</h2>
      <ErrorNotice error={summary} />
      <ErrorNotice error={creating.error} />
      <OtherErrors errors={errors} shown={(path) => own.some((name) => path === name || path.startsWith(`${name}.`))} />
      <Field label="URL" help="https:// (plain http only where the hub allows private targets)" error={errors.url}>
        <input type="url" name="url" value={url} onChange={(event) => setUrl(event.target.value)} placeholder="https://your-app.com/webhook" required />
      </Field>
      <Field label="Description" error={errors.description}>
        <input type="text" name="description" value={description} onChange={(event) => setDescription(event.target.value)} />
      </Field>
      <EventTypePicker catalog={catalog} value={eventTypes} onChange={setEventTypes} error={errors.eventTypes ?? Object.entries(errors).find(([path]) => path.startsWith('eventTypes.'))?.[1]} />
      <Field label="Rate limit (deliveries per second)" help="Empty: no limit" error={errors.rateLimitPerSecond}>
        <input type="number" name="rateLimitPerSecond" min={1} value={rate} onChange={(event) => setRate(event.target.value)} />
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={creating.running}>
          {creating.running ? 'Creating…' : 'Create endpoint'}
        </button>
      </div>
    </form>
  );
}
