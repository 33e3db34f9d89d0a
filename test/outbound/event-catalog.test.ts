/**
 * HUB_EVENT_CATALOG: a catalog file (JSON or YAML) is put at every start, and a bad one stops
 * the start naming each problem, before the hub serves anything.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestHub } from '../support/hub';

const dir = mkdtempSync(path.join(tmpdir(), 'hub-catalog-'));
const databases: TestDatabase[] = [];
afterAll(async () => {
  await Promise.all(databases.map((db) => db.drop()));
});

async function database() {
  const db = await createTestDatabase();
  databases.push(db);
  return db;
}

describe('the event catalog file', () => {
  it('loads YAML as well as JSON, and a later start replaces what the file changes', async () => {
    const file = path.join(dir, 'catalog.yaml');
    const type = { type: 'property.updated', description: 'A property changed', schema: { type: 'object', required: ['property_id'], properties: { property_id: { type: 'string' } } }, example: { property_id: 'prop_1' } };
    writeFileSync(file, stringify({ eventTypes: [type] }));
    const db = await database();
    const first = await startTestHub({ HUB_EVENT_CATALOG: file }, { shared: db });
    expect(await first.services.eventTypes.get('property.updated')).toMatchObject({ origin: 'product', description: 'A property changed', example: { property_id: 'prop_1' } });
    await first.stop();
    writeFileSync(file, stringify({ eventTypes: [{ ...type, description: 'A property changed (v2)' }] }));
    const second = await startTestHub({ HUB_EVENT_CATALOG: file, HUB_MIGRATE_ON_START: 'true' }, { shared: db });
    expect((await second.services.eventTypes.get('property.updated')).description).toBe('A property changed (v2)');
    await second.stop();
  });

  it('stops the start on a bad file, naming each problem', async () => {
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ eventTypes: [
      { type: 'Bad Name', description: 'x', schema: { type: 'object' }, example: {} },
      { type: 'sync.completed', description: 'x', schema: { type: 'object' }, example: {} },
      { type: 'a.b', description: 'x', schema: { type: 'object', properties: { n: { type: 'integer' } } }, example: { n: 'one' } },
    ] }));
    const db = await database();
    const start = startTestHub({ HUB_EVENT_CATALOG: file }, { shared: db });
    await expect(start).rejects.toBeInstanceOf(ConfigError);
    const problems = ((await start.catch((error: ConfigError) => error)) as ConfigError).problems;
    expect(problems).toEqual([
      expect.stringMatching(/^HUB_EVENT_CATALOG \(.*bad\.json\): eventTypes\.0\.type: must be lowercase dotted words/),
      expect.stringMatching(/eventTypes\.1\.type: "sync\.completed" is one of the hub's own event types/),
      expect.stringMatching(/eventTypes\.2\.example\.n: must be integer$/),
    ]);
    const missing = startTestHub({ HUB_EVENT_CATALOG: path.join(dir, 'missing.json') }, { shared: db });
    await expect(missing).rejects.toThrow(/HUB_EVENT_CATALOG .*ENOENT/);
  });
});
