/**
 * Picks the event types an endpoint receives from the catalog: single types, a whole family
 * ("sync.*") or everything ("*"). The API matches the patterns; this only offers them.
 */
interface EventTypeOption {
  type: string;
  description: string;
}

function familyOf(type: string): string {
  return `${type.split('.')[0]}.*`;
}

export function EventTypePicker({ catalog, value, onChange, error }: { catalog: EventTypeOption[]; value: string[]; onChange(value: string[]): void; error?: string }) {
  const families = [...new Set(catalog.map((option) => familyOf(option.type)))];
  const all = value.includes('*');
  const toggle = (pattern: string, on: boolean) => onChange(on ? [...value.filter((v) => v !== pattern), pattern] : value.filter((v) => v !== pattern));
  return (
    <fieldset className="group event-types" aria-label="Event types">
      <legend>Event types</legend>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <label className="inline">
        <input type="checkbox" checked={all} onChange={(event) => toggle('*', event.target.checked)} /> Every event (*)
      </label>
      <div className="families">
        {families.map((family) => {
          const familyOn = all || value.includes(family);
          return (
            <div key={family} className="family">
              <label className="inline">
                <input type="checkbox" checked={familyOn} disabled={all} onChange={(event) => toggle(family, event.target.checked)} /> <strong>{family}</strong>
              </label>
              {catalog
                .filter((option) => familyOf(option.type) === family)
                .map((option) => (
                  <label key={option.type} className="inline nested" title={option.description}>
                    <input type="checkbox" checked={familyOn || value.includes(option.type)} disabled={familyOn} onChange={(event) => toggle(option.type, event.target.checked)} /> {option.type}
                  </label>
                ))}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
