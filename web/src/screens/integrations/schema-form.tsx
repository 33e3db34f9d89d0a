/**
 * A form generated from a connector's settings JSON Schema (Connector.settingsSchema): objects
 * become groups, enums and discriminated unions become choices, strings, numbers and booleans
 * their inputs; anything the generator cannot lay out (maps, lists) is edited as JSON. Empty
 * inputs leave a setting out, so the connector's default applies (shown as the placeholder).
 * Errors come from the API, keyed by the setting's dotted path.
 */
import { useEffect, useState } from 'react';
import { Field } from '../../components/field';
import type { FieldErrors } from '../../api/outcome';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  description?: string;
  title?: string;
  minimum?: number;
  maximum?: number;
}

type Json = Record<string, unknown>;

interface Props {
  schema: JsonSchema;
  value: Json;
  onChange(value: Json): void;
  errors: FieldErrors;
}

export function SchemaForm({ schema, value, onChange, errors }: Props) {
  return <ObjectFields schema={schema} value={value} onChange={onChange} errors={errors} path="" />;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function label(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function join(path: string, name: string): string {
  return path ? `${path}.${name}` : name;
}

/** The property every branch of a oneOf fixes with a const (e.g. paging.style), if any. */
function discriminator(branches: JsonSchema[]): string | undefined {
  const first = branches[0]?.properties ?? {};
  return Object.keys(first).find((key) => branches.every((branch) => branch.properties?.[key]?.const !== undefined));
}

/** Choices of a schema: its enum, or an anyOf of constants. */
function choicesOf(schema: JsonSchema): unknown[] | undefined {
  if (schema.enum) return schema.enum;
  if (schema.anyOf?.every((branch) => branch.const !== undefined)) return schema.anyOf.map((branch) => branch.const);
  return undefined;
}

function without(value: Json, key: string): Json {
  const { [key]: _removed, ...rest } = value;
  return rest;
}

function ObjectFields({ schema, value, onChange, errors, path }: Props & { path: string }) {
  const properties = schema.properties ?? {};
  const set = (key: string, next: unknown) => onChange(next === undefined ? without(value, key) : { ...value, [key]: next });
  return (
    <>
      {Object.entries(properties).map(([key, child]) => (
        <SchemaField key={key} name={key} schema={child} value={value[key]} onChange={(next) => set(key, next)} errors={errors} path={join(path, key)} required={schema.required?.includes(key) ?? false} />
      ))}
    </>
  );
}

interface FieldProps {
  name: string;
  schema: JsonSchema;
  value: unknown;
  onChange(value: unknown): void;
  errors: FieldErrors;
  path: string;
  required: boolean;
}

function SchemaField(props: FieldProps) {
  const { name, schema, value, onChange, errors, path } = props;
  const error = errors[path];
  const help = schema.description;
  const title = `${schema.title ?? label(name)}${props.required ? ' (required)' : ''}`;

  if (schema.oneOf) {
    const key = discriminator(schema.oneOf);
    if (key) return <UnionFields {...props} discriminatorKey={key} />;
  }
  const choices = choicesOf(schema);
  if (choices) {
    const current = value === undefined ? '' : JSON.stringify(value);
    return (
      <Field label={title} help={help} error={error}>
        <select value={current} onChange={(event) => onChange(event.target.value === '' ? undefined : JSON.parse(event.target.value))} data-path={path}>
          <option value="">{schema.default !== undefined ? `Default (${String(schema.default)})` : '—'}</option>
          {choices.map((choice) => (
            <option key={JSON.stringify(choice)} value={JSON.stringify(choice)}>
              {String(choice)}
            </option>
          ))}
        </select>
      </Field>
    );
  }
  if (schema.type === 'object' && schema.properties) {
    return (
      <fieldset className="group" data-path={path}>
        <legend>{title}</legend>
        {help && <p className="help">{help}</p>}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <ObjectFields schema={schema} value={isObject(value) ? value : {}} onChange={onChange} errors={errors} path={path} />
      </fieldset>
    );
  }
  if (schema.type === 'string') {
    return (
      <Field label={title} help={help} error={error}>
        <input type="text" value={typeof value === 'string' ? value : ''} placeholder={schema.default !== undefined ? String(schema.default) : ''} onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)} data-path={path} />
      </Field>
    );
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    return (
      <Field label={title} help={help} error={error}>
        <input
          type="number"
          step={schema.type === 'integer' ? 1 : 'any'}
          min={schema.minimum}
          max={schema.maximum}
          value={typeof value === 'number' ? value : ''}
          placeholder={schema.default !== undefined ? String(schema.default) : ''}
          onChange={(event) => onChange(event.target.value === '' ? undefined : Number(event.target.value))}
          data-path={path}
        />
      </Field>
    );
  }
  if (schema.type === 'boolean') {
    return (
      <Field label={title} help={help} error={error}>
        <input type="checkbox" checked={value === true} onChange={(event) => onChange(event.target.checked)} data-path={path} />
      </Field>
    );
  }
  return <JsonField {...props} title={title} />;
}

function UnionFields({ schema, value, onChange, errors, path, name, discriminatorKey }: FieldProps & { discriminatorKey: string }) {
  const branches = schema.oneOf ?? [];
  const current = isObject(value) ? value : isObject(schema.default) ? schema.default : {};
  const chosen = branches.find((branch) => branch.properties?.[discriminatorKey]?.const === current[discriminatorKey]);
  const rest: JsonSchema = { ...chosen, properties: without((chosen?.properties ?? {}) as Json, discriminatorKey) as Record<string, JsonSchema> };
  return (
    <fieldset className="group" data-path={path}>
      <legend>{schema.title ?? label(name)}</legend>
      <Field label={label(discriminatorKey)} error={errors[join(path, discriminatorKey)] ?? errors[path]}>
        <select value={String(current[discriminatorKey] ?? '')} onChange={(event) => onChange({ [discriminatorKey]: event.target.value })} data-path={join(path, discriminatorKey)}>
          {branches.map((branch) => {
            const option = String(branch.properties?.[discriminatorKey]?.const);
            return (
              <option key={option} value={option}>
                {option}
              </option>
            );
          })}
        </select>
      </Field>
      {chosen && <ObjectFields schema={rest} value={current} onChange={onChange} errors={errors} path={path} />}
    </fieldset>
  );
}

/** Maps, lists and anything else: edited as JSON, checked when the input leaves focus. */
function JsonField({ value, onChange, errors, path, title, schema }: FieldProps & { title: string }) {
  const [text, setText] = useState(() => (value === undefined ? '' : JSON.stringify(value, null, 2)));
  const [invalid, setInvalid] = useState<string | undefined>();
  useEffect(() => setText(value === undefined ? '' : JSON.stringify(value, null, 2)), [value]);
  const commit = () => {
    if (text.trim() === '') {
      setInvalid(undefined);
      return onChange(undefined);
    }
    try {
      onChange(JSON.parse(text));
      setInvalid(undefined);
    } catch {
      setInvalid('is not valid JSON');
    }
  };
  return (
    <Field label={title} help={schema.description ?? 'JSON'} error={invalid ?? errors[path]}>
      <textarea rows={4} className="code" value={text} onChange={(event) => setText(event.target.value)} onBlur={commit} data-path={path} spellCheck={false} />
    </Field>
  );
}
