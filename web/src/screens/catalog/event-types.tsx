/** The event catalog: every event type the hub sends, what it means, and an example of its data. */
import { Link } from 'wouter';
import { useQuery } from '../../api/hooks';
import { JsonBlock } from '../../components/format';
import { QueryView } from '../../components/states';
import { EventTypesQuery } from '../endpoints/documents';

export function EventTypes() {
  const catalog = useQuery(EventTypesQuery, {});
  return (
    <section>
      <h1>Event types</h1>
      <p className="help">
        What <Link href="/endpoints">endpoints</Link> can receive. Each delivery's body is <code>{'{"id", "event", "timestamp", "data"}'}</code>; below is an example of each event's <code>data</code>.
      </p>
      <QueryView state={catalog} what="Loading the catalog">
        {({ eventTypes }) => (
          <div className="catalog">
            {eventTypes.map((eventType) => (
              <article key={eventType.type} className="card" id={eventType.type} aria-label={eventType.type}>
                <h2>
                  <code>{eventType.type}</code>
                </h2>
                <p>{eventType.description}</p>
                <details>
                  <summary>Example data</summary>
                  <JsonBlock text={JSON.stringify(eventType.exampleData)} label={`Example of ${eventType.type}`} />
                </details>
              </article>
            ))}
          </div>
        )}
      </QueryView>
    </section>
  );
}
