/** Small presentational pieces: times, statuses, JSON. */
import { useEffect, useState } from 'react';

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

function relative(iso: string, now: number): string {
  const seconds = Math.round((now - new Date(iso).getTime()) / 1000);
  if (Math.abs(seconds) < 5) return 'just now';
  const units: Array<[number, string]> = [
    [60, 'second'],
    [60, 'minute'],
    [24, 'hour'],
    [Number.POSITIVE_INFINITY, 'day'],
  ];
  let value = seconds;
  for (const [size, unit] of units) {
    if (Math.abs(value) < size) {
      const n = Math.abs(Math.floor(value));
      return `${n} ${unit}${n === 1 ? '' : 's'} ${value >= 0 ? 'ago' : 'from now'}`;
    }
    value /= size;
  }
  return formatTime(iso);
}

/** "3 minutes ago", with the exact time on hover; kept current. */
export function Ago({ at }: { at: string | null | undefined }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  if (!at) return <span className="muted">never</span>;
  return (
    <time dateTime={at} title={formatTime(at)}>
      {relative(at, now)}
    </time>
  );
}

const tones: Record<string, string> = {
  SUCCESS: 'good', PROCESSED: 'good', SUCCEEDED: 'good', succeeded: 'good', healthy: 'good', enabled: 'good',
  PARTIAL: 'warn', RETRYING: 'warn', pending: 'warn', PENDING: 'warn', CANCELLED: 'muted', degraded: 'warn', DISPATCHED: 'info', RECEIVED: 'info',
  RUNNING: 'info', QUEUED: 'info', 'not synced': 'info',
  FAILED: 'bad', DEAD: 'bad', failed: 'bad', attention: 'bad', disabled: 'muted', cancelled: 'muted', SKIPPED: 'muted',
};

export function Badge({ value, label, tone }: { value: string; label?: string; tone?: string }) {
  return <span className={`badge ${tone ?? tones[value] ?? 'muted'}`}>{label ?? value.toLowerCase().replaceAll('_', ' ')}</span>;
}

/** Pretty-prints JSON text; shows it as it is when it is not JSON. */
export function JsonBlock({ text, label }: { text: string; label: string }) {
  let shown = text;
  try {
    shown = JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    // not JSON: as received
  }
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex lint/a11y/useAriaPropsSupportedByRole: a scrollable block must be reachable with the keyboard, and named for screen readers.
    <pre className="json" aria-label={label} tabIndex={0}>
      {shown}
    </pre>
  );
}

export function count(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : n.toLocaleString();
}
