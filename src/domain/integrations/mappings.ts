/** Validation of field mappings against the product's entities and a connector's catalog. */
import type { ConnectorDefinition } from '../../connectors/types';
import { targetFields, type FieldMap, type MappingSet, type ValueKind } from '../entities';
import type { FieldProblem } from '../errors';

const DOTTED_PATH = /^[^.\s]+(\.[^.\s]+)*$/;

/** Dimensions and weights need a source that carries a unit; text can take any scalar. */
function compatible(target: ValueKind, source: ValueKind): boolean {
  if (target === source) return true;
  return target === 'string' && (source === 'number' || source === 'datetime');
}

export function mappingProblems(connector: ConnectorDefinition, set: MappingSet, map: FieldMap, basePath: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const targets = new Map(targetFields[set].map((field) => [field.name, field]));
  const sources = new Map(connector.sourceFields[set].map((field) => [field.name, field]));
  for (const [targetName, sourceName] of Object.entries(map)) {
    const target = targets.get(targetName);
    // A connector that reads any JSON path takes the path as a field of the target's kind.
    const source = sources.get(sourceName) ?? (connector.acceptsAnySourceField && target && DOTTED_PATH.test(sourceName) ? target : undefined);
    const path = `${basePath}.${targetName}`;
    if (!target) {
      problems.push({ path, message: `unknown target field; ${set === 'itemMappings' ? 'item' : 'delivery'} fields are ${[...targets.keys()].join(', ')}` });
    } else if (!source && connector.acceptsAnySourceField) {
      problems.push({ path, message: `source field "${sourceName}" is not a dotted JSON path such as "dimensions.length" (no spaces, no empty segments)` });
    } else if (!source) {
      problems.push({ path, message: `unknown source field "${sourceName}" for ${connector.connectorType}; available: ${[...sources.keys()].join(', ')}` });
    } else if (!compatible(target.kind, source.kind)) {
      problems.push({ path, message: `source field "${sourceName}" is a ${source.kind}, target "${targetName}" needs a ${target.kind}` });
    }
  }
  for (const target of targetFields[set]) {
    if (target.required && !(target.name in map)) problems.push({ path: `${basePath}.${target.name}`, message: 'required mapping is missing' });
  }
  return problems;
}
