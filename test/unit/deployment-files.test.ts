/**
 * The deployment files cannot be built or run on the build machines (no Docker there), so their
 * contract is checked here: compose.yaml sets only variables the hub accepts, with values its
 * configuration validates, and runs the topology the README describes; the Dockerfile runs the
 * compiled service as a non-root user with a health check, built with CI's own commands; every
 * variable the hub reads is documented.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configVariables, loadConfig } from '../../src/config';
import { repoRoot } from '../support/process';

const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');

interface Service {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
}
const compose = parse(read('compose.yaml'), { merge: true }) as { services: Record<string, Service> };
const hubServices = Object.entries(compose.services).filter(([, service]) => service.build === '.');

/** Compose's interpolation: `${VAR:-default}` takes the default, `${VAR:?message}` a value the operator must set. */
const operatorValues: Record<string, string> = { HUB_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}` };
function interpolate(value: string): string {
  return String(value).replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_match, name: string, kind?: string, rest?: string) => {
    if (kind === '-') return rest ?? '';
    if (!(name in operatorValues)) throw new Error(`compose.yaml needs \${${name}} but the test has no value for it`);
    return operatorValues[name]!;
  });
}

describe('compose.yaml', () => {
  it('runs a one-shot migration, two API instances without jobs and one worker, all from the one image', () => {
    expect(hubServices.map(([name]) => name).sort()).toEqual(['api-1', 'api-2', 'migrate', 'worker']);
    const byName = Object.fromEntries(hubServices);
    expect(byName.migrate!.command).toEqual(['node', 'dist/cli/migrate.js']);
    expect(byName.worker!.command).toEqual(['node', 'dist/cli/hub.js', 'worker']);
    for (const api of ['api-1', 'api-2']) {
      expect(byName[api]!.command).toBeUndefined(); // the image's CMD: node dist/main.js
      expect(byName[api]!.environment!.HUB_WORKER).toBe('false');
    }
    for (const [name, service] of hubServices) {
      if (name !== 'migrate') expect(service.depends_on?.migrate).toEqual({ condition: 'service_completed_successfully' });
      // Only the release step migrates.
      expect(service.environment!.HUB_MIGRATE_ON_START).toBe('false');
    }
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(['postgres', 'redis']));
  });

  it('sets only variables the hub reads, with values its configuration accepts', () => {
    for (const [name, service] of hubServices) {
      const env = Object.fromEntries(Object.entries(service.environment ?? {}).map(([key, value]) => [key, interpolate(value)]));
      expect(Object.keys(env).filter((key) => !(configVariables as string[]).includes(key)), `${name}: unknown variables`).toEqual([]);
      const config = loadConfig(env);
      expect(config.database.provider, name).toBe('postgresql');
      expect(config.redisUrl, name).toBe('redis://redis:6379');
      expect(config.host, name).toBe('0.0.0.0');
    }
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const runtime = stages.at(-1)!;

  it('is multi-stage, and runs the compiled service as a non-root user with a health check on /healthz', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toContain('CMD ["node", "dist/main.js"]');
    expect(runtime).toMatch(/^HEALTHCHECK [^\n]*\\\n[^\n]*\/healthz/m);
    expect(runtime).not.toMatch(/tsx/);
  });

  it('builds with the commands CI runs, and nothing that needs the network beyond the registries', () => {
    const npmCommands = [...dockerfile.matchAll(/^RUN (npm [^\n]*)$/gm)].map((match) => match[1]);
    expect(npmCommands).toEqual(['npm ci --no-audit --no-fund', 'npm run build', 'npm prune --omit=dev --omit=optional --no-audit --no-fund']);
    expect(read('.ci/run')).toContain('npm ci --no-audit --no-fund');
    expect(dockerfile).not.toMatch(/curl|wget|npx /);
  });

  it('keeps local state and installed packages out of the build context', () => {
    const ignored = read('.dockerignore').split('\n').map((line) => line.trim());
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', 'data', '.env', '.git']));
  });
});

describe('README', () => {
  it('documents every variable the hub reads in its Configuration table', () => {
    const readme = read('README.md');
    const section = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1));
    const documented = new Set([...section.matchAll(/^\|[^|]*\|/gm)].flatMap((row) => [...row[0].matchAll(/`([A-Z_]+)`/g)].map((match) => match[1])));
    expect(configVariables.filter((name) => !documented.has(name))).toEqual([]);
  });
});
