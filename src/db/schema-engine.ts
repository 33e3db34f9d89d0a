/**
 * Prisma's official schema engine, compiled to WebAssembly. It is what `prisma migrate deploy`
 * runs, minus the native binary the CLI would download (which cannot be fetched offline).
 * Node 20 cannot import a .wasm module, so the glue module is loaded and instantiated by hand.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as engineGlue from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { MigrationList } from '@prisma/schema-engine-wasm';
import { migrationsDir, providerSchema, schemaFile, type Provider } from './provider-schemas';

let loaded: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  loaded ??= (async () => {
    const gluePath = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const wasmPath = path.join(path.dirname(gluePath), 'schema_engine_bg.wasm');
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), { './schema_engine_bg.js': engineGlue as never });
    engineGlue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return loaded;
}

export interface OpenEngine {
  engine: SchemaEngine;
  /** Frees the engine and closes its connections (SQLite: releases its exclusive lock). */
  close(): Promise<void>;
}

export async function openSchemaEngine(provider: Provider, adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<OpenEngine> {
  await loadWasm();
  const opened: SqlDriverAdapter[] = [];
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: adapterFactory.provider,
    adapterName: adapterFactory.adapterName,
    connect: async () => remember(await adapterFactory.connect()),
    connectToShadowDb: async () => remember(await adapterFactory.connectToShadowDb()),
  };
  function remember(adapter: SqlDriverAdapter): SqlDriverAdapter {
    opened.push(adapter);
    return adapter;
  }
  const log = (message: string) => {
    if (process.env.HUB_DEBUG_SCHEMA_ENGINE) console.error(message);
  };
  const engine = (await engineGlue.SchemaEngine.new(
    { datamodels: [[schemaFile(provider), providerSchema(provider)]] },
    log,
    bindMigrationAwareSqlAdapterFactory(tracked),
  )) as SchemaEngine;
  return {
    engine,
    async close() {
      engine.free();
      await Promise.all(opened.map((adapter) => adapter.dispose()));
    },
  };
}

/** The migrations folder of one provider, read the way the Prisma CLI reads it. */
export function readMigrationList(provider: Provider): MigrationList {
  const baseDir = migrationsDir(provider);
  const lockPath = path.join(baseDir, 'migration_lock.toml');
  const dirs = existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()
    : [];
  return {
    baseDir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((dir) => {
      const file = path.join(baseDir, dir, 'migration.sql');
      return {
        path: dir,
        migrationFile: {
          path: 'migration.sql',
          content: existsSync(file) ? { tag: 'ok' as const, value: readFileSync(file, 'utf8') } : { tag: 'error' as const, value: `missing ${file}` },
        },
      };
    }),
  };
}

export const noSchemaFilter = { externalTables: [], externalEnums: [] };
