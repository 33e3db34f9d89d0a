/** A labelled form field with its help text and the API's error for it. */
import { cloneElement, useId, type ReactElement, type ReactNode } from 'react';

export function Field({ label, help, error, children, aside }: { label: ReactNode; help?: ReactNode; error?: string; aside?: ReactNode; children: ReactElement<Record<string, unknown>> }) {
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const described = [help ? helpId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {aside}
      </label>
      {cloneElement(children, { id, 'aria-describedby': described, 'aria-invalid': error ? true : undefined })}
      {help && (
        <p className="help" id={helpId}>
          {help}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** Problems the API named for paths no field on the form shows. */
export function OtherErrors({ errors, shown }: { errors: Record<string, string>; shown: (path: string) => boolean }) {
  const rest = Object.entries(errors).filter(([path]) => !shown(path));
  if (rest.length === 0) return null;
  return (
    <ul className="field-errors" role="alert">
      {rest.map(([path, message]) => (
        <li key={path}>
          <code>{path}</code>: {message}
        </li>
      ))}
    </ul>
  );
}
