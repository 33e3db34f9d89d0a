/**
 * Where the per-provider Prisma schemas, clients and migrations live, and how a provider's
 * schema text is assembled from the one model source.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fromPackageRoot } from '../lib/package-root';

export const providers = ['sqlite', 'postgresql'] as const;
export type Provider = (typeof providers)[number];

export const prismaDir = fromPackageRoot('prisma');
export const modelsFile = path.join(prismaDir, 'models.prisma');
/** The models as of the newest migration; the next migration is the diff from here. */
export const modelsSnapshotFile = path.join(prismaDir, 'migrations', 'models.snapshot.prisma');

export function migrationsDir(provider: Provider): string {
  return path.join(prismaDir, 'migrations', provider);
}

export function schemaFile(provider: Provider): string {
  return path.join(prismaDir, 'generated', `${provider}.prisma`);
}

/** The complete schema text for one provider: datasource + generators + the shared models. */
export function providerSchema(provider: Provider, models = readFileSync(modelsFile, 'utf8')): string {
  const header = [
    '// Generated from prisma/models.prisma by scripts/prisma-generate.ts. Do not edit.',
    `datasource db {\n  provider = "${provider}"\n}`,
    `generator client {\n  provider = "prisma-client"\n  output   = "../../src/generated/${provider}"\n  moduleFormat = "esm"\n  compilerBuild = "small"\n}`,
  ];
  // Pothos needs the model types once; both clients share them (same models, same subset).
  if (provider === 'sqlite') {
    header.push(
      `generator pothos {\n  provider     = "prisma-pothos-types"\n  clientOutput = "./sqlite"\n  output       = "../../src/generated/pothos-types.ts"\n}`,
    );
  }
  return `${header.join('\n\n')}\n\n${models}`;
}

export function writeProviderSchemas(): Record<Provider, string> {
  const files = {} as Record<Provider, string>;
  for (const provider of providers) {
    files[provider] = schemaFile(provider);
    mkdirSync(path.dirname(files[provider]), { recursive: true });
    writeFileSync(files[provider], providerSchema(provider));
  }
  return files;
}
