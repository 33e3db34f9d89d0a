/**
 * The console's outbound message tables (an endpoint's messages, the message log): a row per
 * message whose creation time is the button that opens a detail row below it. The screen holds
 * which message is open (one at a time), so it stays open while the list reloads.
 */
import { Fragment, type ReactNode } from 'react';
import { Ago } from '../../components/format';

export function ExpandableMessageTable<Message extends { createdAt: string; eventType: string }>({
  headings,
  messages,
  idOf,
  columns,
  open,
  onOpen,
  cells,
  detail,
}: {
  /** The headings after "Created" and "Event type". */
  headings: ReactNode;
  messages: Message[];
  idOf(message: Message): string;
  /** The table's column count, which a detail row spans. */
  columns: number;
  /** The id of the open message. */
  open: string | undefined;
  onOpen(id: string | undefined): void;
  /** The cells after the creation time and the event type. */
  cells(message: Message): ReactNode;
  detail(message: Message): ReactNode;
}) {
  return (
    <table className="list" aria-label="Messages">
      <thead>
        <tr>
          <th>Created</th>
          <th>Event type</th>
          {headings}
        </tr>
      </thead>
      <tbody>
        {messages.map((message) => {
          const id = idOf(message);
          return (
            <Fragment key={id}>
              <tr data-message={id}>
                <td>
                  <button type="button" className="link" aria-expanded={open === id} onClick={() => onOpen(open === id ? undefined : id)}>
                    <Ago at={message.createdAt} />
                  </button>
                </td>
                <td>{message.eventType}</td>
                {cells(message)}
              </tr>
              {open === id && (
                <tr className="detail">
                  <td colSpan={columns}>{detail(message)}</td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
