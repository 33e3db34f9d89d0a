/**
 * The event catalog: every event type endpoints can receive, the product's (defined with a
 * platform key, each with its JSON Schema) and the hub's own, what each means, and an example of
 * its data. `?origin=product|hub` shows one kind only.
 */
import { Link } from 'wouter';
import { useQuery } from '../../api/hooks';
import { Badge, JsonBlock } from '../../components/format';
import { useSearchParam } from '../../components/search-param';
import { Empty, QueryView } from '../../components/states';
import type { EventTypeCatalogQuery } from '../../gql/graphql';
import { EventTypesQuery } from '../endpoints/documents';

type EventType = EventTypeCatalogQuery['eventTypes'][number];

const origins = [
  { origin: 'product', title: "The product's event types", help: 'Defined by the product with a platform key; published with publishEvent (POST /api/v1/events), their data checked against the schema.' },
  { origin: 'hub', title: "The hub's own event types", help: 'Sent by the hub itself (syncs, integrations, inbound webhooks); read-only.' },
];

export function EventTypes() {
  const catalog = useQuery(EventTypesQuery, {});
  const [origin, setOrigin] = useSearchParam('origin');
  return (
    <section>
      <h1>Event types</h1>
      <p className="help">
        What <Link href="/endpoints">endpoints</Link> can receive. Each delivery's body is <code>{'{"id", "event", "timestamp", "data"}'}</code>; below is an example of each event's <code>data</code>. An endpoint's page sends any of them as a test event, with data you can edit.
      </p>
      <div className="filters">
        <label>
          Origin
          <select value={origin ?? ''} onChange={(event) => setOrigin(event.target.value || null)} name="origin">
            <option value="">any</option>
            <option value="product">product</option>
            <option value="hub">hub</option>
          </select>
        </label>
      </div>
      <QueryView state={catalog} what="Loading the catalog">
        {({ eventTypes }) => (
          <>
            {origins
              .filter((group) => !origin || group.origin === origin)
              .map((group) => {
                const types = eventTypes.filter((eventType) => eventType.origin === group.origin);
                return (
                  <section key={group.origin} aria-label={group.title} className="catalog-group">
                    <h2>{group.title}</h2>
                    <p className="help">{group.help}</p>
                    {types.length === 0 ? (
                      <Empty title={group.origin === 'product' ? 'No product event type yet' : 'No event type'}>
                        {group.origin === 'product' && (
                          <p>
                            Define one with a platform key: <code>PUT /api/v1/webhooks/event-types/{'{type}'}</code>, the <code>putEventType</code> mutation, or a catalog file (<code>HUB_EVENT_CATALOG</code>).
                          </p>
                        )}
                      </Empty>
                    ) : (
                      <div className="catalog">
                        {types.map((eventType) => (
                          <EventTypeCard key={eventType.type} eventType={eventType} />
                        ))}
                      </div>
                    )}
                  </section>
                );
              })}
          </>
        )}
      </QueryView>
    </section>
  );
}

function EventTypeCard({ eventType }: { eventType: EventType }) {
  return (
    <article className="card" id={eventType.type} aria-label={eventType.type}>
      <h3>
        <code>{eventType.type}</code> <Badge value={eventType.origin} tone={eventType.origin === 'product' ? 'info' : 'muted'} />
        {eventType.archived && <Badge value="archived" tone="warn" />}
      </h3>
      <p>{eventType.description}</p>
      <details open={eventType.origin === 'product'}>
        <summary>Example data</summary>
        <JsonBlock text={JSON.stringify(eventType.exampleData)} label={`Example of ${eventType.type}`} />
      </details>
      {eventType.schema && (
        <details>
          <summary>Schema (JSON Schema 2020-12)</summary>
          <JsonBlock text={JSON.stringify(eventType.schema)} label={`Schema of ${eventType.type}`} />
        </details>
      )}
    </article>
  );
}
