/**
 * The field mappings editor: for every target field of the hub's entities, the connector's
 * source field that fills it. Sources are offered with their kind and the units the host may
 * send; a connector that reads any JSON path takes a typed path. Save replaces both sets; reset
 * goes back to the connector's defaults. The API checks kinds and required targets.
 */
import { useState } from 'react';
import { useMutation } from '../../api/hooks';
import { outcome, type FieldErrors } from '../../api/outcome';
import { OtherErrors } from '../../components/field';
import { ErrorNotice, Notice } from '../../components/states';
import type { IntegrationDetailFragment, IntegrationPageQuery, ValueKind } from '../../gql/graphql';
import { ResetMappings, UpdateMappings } from './documents';

type Connector = NonNullable<IntegrationPageQuery['connector']>;
type Targets = IntegrationPageQuery['mappingTargets'];
type SetName = 'itemMappings' | 'deliveryMappings';
type Mapping = Record<string, string>;

const sets: Array<{ name: SetName; title: string; sources: 'itemSourceFields' | 'deliverySourceFields' }> = [
  { name: 'itemMappings', title: 'Items', sources: 'itemSourceFields' },
  { name: 'deliveryMappings', title: 'Deliveries', sources: 'deliverySourceFields' },
];

/** The API's rule, so the choices fit: units must match; text takes numbers and dates too. */
function fits(target: ValueKind, source: ValueKind): boolean {
  return target === source || (target === 'STRING' && (source === 'NUMBER' || source === 'DATETIME'));
}

const toMap = (pairs: ReadonlyArray<{ target: string; source: string }>): Mapping => Object.fromEntries(pairs.map((p) => [p.target, p.source]));
const toPairs = (map: Mapping) => Object.entries(map).filter(([, source]) => source !== '').map(([target, source]) => ({ target, source }));

export function MappingsEditor({ connector, integration, targets, onSaved }: { connector: Connector; integration: IntegrationDetailFragment; targets: Targets; onSaved(): void }) {
  const stored = () => ({ itemMappings: toMap(integration.fieldMappings.itemMappings), deliveryMappings: toMap(integration.fieldMappings.deliveryMappings) });
  const [mappings, setMappings] = useState<Record<SetName, Mapping>>(stored);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<string | undefined>();
  const [saved, setSaved] = useState<string | undefined>();
  const [update, updating] = useMutation(UpdateMappings);
  const [reset, resetting] = useMutation(ResetMappings);
  const defaults = { itemMappings: toMap(connector.defaultFieldMappings.itemMappings), deliveryMappings: toMap(connector.defaultFieldMappings.deliveryMappings) };

  const show = (answer: ReturnType<typeof outcome<{ itemMappings: { target: string; source: string }[]; deliveryMappings: { target: string; source: string }[] }>>, done: string) => {
    if (!answer.ok) {
      setErrors(answer.fields);
      setSummary(answer.message);
      return;
    }
    setMappings({ itemMappings: toMap(answer.data.itemMappings), deliveryMappings: toMap(answer.data.deliveryMappings) });
    setErrors({});
    setSummary(undefined);
    setSaved(done);
    onSaved();
  };

  const save = async () => {
    setSaved(undefined);
    const result = await update({ connectorType: connector.connectorType, input: { itemMappings: toPairs(mappings.itemMappings), deliveryMappings: toPairs(mappings.deliveryMappings) } });
    if (result) show(outcome(result.updateFieldMappings), 'Mappings saved.');
  };
  const resetToDefaults = async () => {
    if (!window.confirm(`Replace every mapping with the ${connector.displayName} defaults?`)) return;
    setSaved(undefined);
    const result = await reset({ connectorType: connector.connectorType });
    if (result) show(outcome(result.resetMappings), 'Mappings reset to the defaults.');
  };

  return (
    <section className="card" aria-label="Field mappings">
      <h2>Field mappings</h2>
      <p className="help">Which field of the host system fills each field of the hub. Lengths are stored in millimetres and weights in kilograms, converted from the units the host sends.</p>
      <ErrorNotice error={summary} />
      <ErrorNotice error={updating.error ?? resetting.error} />
      <OtherErrors errors={errors} shown={(path) => sets.some((set) => targets[set.name].some((t) => path === `${set.name}.${t.name}`))} />
      {sets.map((set) => {
        const sources = connector[set.sources];
        return (
          <table key={set.name} className="list mappings" aria-label={`${set.title} mappings`}>
            <caption>{set.title}</caption>
            <thead>
              <tr>
                <th>Hub field</th>
                <th>Source field</th>
                <th>Default</th>
              </tr>
            </thead>
            <tbody>
              {targets[set.name].map((target) => {
                const value = mappings[set.name][target.name] ?? '';
                const error = errors[`${set.name}.${target.name}`];
                const change = (source: string) => setMappings((previous) => ({ ...previous, [set.name]: { ...previous[set.name], [target.name]: source } }));
                const options = sources.filter((source) => fits(target.kind, source.kind));
                const id = `${set.name}-${target.name}`;
                return (
                  <tr key={target.name} className={error ? 'invalid' : ''}>
                    <td>
                      <label htmlFor={id}>
                        <strong>{target.name}</strong>
                        {target.required && <span className="muted"> (required)</span>}
                      </label>
                      <div className="muted small">
                        {target.kind.toLowerCase()} · {target.description}
                      </div>
                    </td>
                    <td>
                      {sources.length === 0 ? (
                        <input id={id} type="text" value={value} placeholder="dotted JSON path, e.g. dimensions.length" onChange={(event) => change(event.target.value)} />
                      ) : (
                        <select id={id} value={value} onChange={(event) => change(event.target.value)}>
                          <option value="">— not mapped —</option>
                          {options.map((source) => (
                            <option key={source.name} value={source.name} title={source.description}>
                              {source.name} · {source.kind.toLowerCase()}
                              {source.units.length ? ` (${source.units.join(', ')})` : ''}
                            </option>
                          ))}
                          {value && !options.some((source) => source.name === value) && <option value={value}>{value}</option>}
                        </select>
                      )}
                      {error && (
                        <p className="field-error" role="alert">
                          {error}
                        </p>
                      )}
                    </td>
                    <td className="muted">{defaults[set.name][target.name] ?? '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        );
      })}
      <div className="actions">
        <button type="button" className="primary" onClick={save} disabled={updating.running}>
          {updating.running ? 'Saving…' : 'Save mappings'}
        </button>
        <button type="button" onClick={resetToDefaults} disabled={resetting.running}>
          Reset to defaults
        </button>
        <Notice text={saved} />
      </div>
    </section>
  );
}
