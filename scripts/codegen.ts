// Generates each subgraph's resolver types from its SDL: subgraphs/<name>/src/generated/graphql.ts.
// Run after changing a subgraph's SDL or its src/mappers.ts: `npm run codegen`, and commit the
// result. `npm run codegen -- --check` writes nothing and fails while a committed file is stale
// (test/codegen.test.ts runs it).
//
// graphql-codegen is called programmatically (@graphql-codegen/core with the typescript and
// typescript-resolvers plugins): its CLI pulls in much more. The schema is what
// @apollo/subgraph builds from the SDL, so that the federation directives are defined exactly as
// the running subgraph has them, less what it adds for the gateway (Query._entities and
// _service): @apollo/subgraph resolves those itself, and the resolvers plugin would name types
// for them that the typescript plugin leaves out in federation mode.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { codegen } from '@graphql-codegen/core';
import { removeFederation, type Types } from '@graphql-codegen/plugin-helpers';
import * as typescriptPlugin from '@graphql-codegen/typescript';
import * as resolversPlugin from '@graphql-codegen/typescript-resolvers';
import { parse, printSchema } from 'graphql';
import ts from 'typescript';
import { loadSdl, repoRoot } from '@cadres/kit';
import { registry } from '../subgraphs/registry';

/** Every subgraph of the federation, as the registry names them. */
export const codegenSubgraphs: readonly string[] = registry.map((s) => s.name);

function srcOf(name: string): string {
  const entry = registry.find((s) => s.name === name);
  if (!entry) throw new Error(`no subgraph ${name} in subgraphs/registry.ts`);
  return path.join(repoRoot, entry.folder, 'src');
}

/** Where a subgraph's generated types live (committed). */
export const generatedPath = (name: string) => path.join(srcOf(name), 'generated', 'graphql.ts');

const HEADER =
  '// Generated from the subgraph\'s SDL by scripts/codegen.ts (`npm run codegen`): do not edit.\n' +
  '// A test fails when this file is stale. Mappers (what resolvers really return) are in ../mappers.ts.\n';

/**
 * The mappers of a subgraph, by convention: every type exported from src/mappers.ts as `XMapper`
 * maps the GraphQL type `X` (a TypeORM entity, a connection with kit's lazy totalCount, a
 * reference to an entity another subgraph owns, a union of those). Read with the TypeScript
 * parser, so that the list is exactly what the file exports.
 */
export function mappersOf(name: string): Record<string, string> {
  const file = path.join(srcOf(name), 'mappers.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const exported: string[] = [];
  for (const node of source.statements) {
    const isExported = ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (isExported && (ts.isTypeAliasDeclaration(node) || ts.isInterfaceDeclaration(node) || ts.isClassDeclaration(node)) && node.name) {
      exported.push(node.name.text);
    } else if (ts.isExportDeclaration(node) && node.exportClause && ts.isNamedExports(node.exportClause)) {
      exported.push(...node.exportClause.elements.map((e) => e.name.text));
    }
  }
  const mappers: Record<string, string> = {};
  for (const id of exported) {
    if (id.endsWith('Mapper') && id !== 'Mapper') mappers[id.slice(0, -'Mapper'.length)] = `../mappers#${id}`;
  }
  return mappers;
}

/** The generated file of one subgraph, as text. */
export async function generate(name: string): Promise<string> {
  const schema = removeFederation(buildSubgraphSchema([{ typeDefs: loadSdl(name) }]));
  const mappers = mappersOf(name);
  const unknown = Object.keys(mappers).filter((type) => !schema.getType(type));
  if (unknown.length) {
    const file = path.relative(repoRoot, path.join(srcOf(name), 'mappers.ts'));
    throw new Error(`${file} maps types the ${name} SDL does not have: ${unknown.map((t) => `${t}Mapper`).join(', ')}`);
  }
  const config = {
    federation: true,
    contextType: '@cadres/kit#SubgraphContext',
    mappers,
    // Kit's scalars (kit/src/scalars.ts): a Date is a 'YYYY-MM-DD' string, a DateTime a Date.
    scalars: { Date: 'string', DateTime: 'Date' },
    enumsAsTypes: true,
    useTypeImports: true,
    // Not useIndexSignature: it would let a resolver map name fields the type does not have.
  };
  const options: Types.GenerateOptions = {
    filename: generatedPath(name),
    schema: parse(printSchema(schema)),
    schemaAst: schema,
    documents: [],
    plugins: [{ typescript: {} }, { 'typescript-resolvers': {} }],
    pluginMap: { typescript: typescriptPlugin, 'typescript-resolvers': resolversPlugin },
    config,
  };
  return HEADER + (await codegen(options));
}

/**
 * Writes every subgraph's file; with `--check`, writes nothing and fails (exit 1, one line per
 * file on stderr) when a committed file differs from what its SDL and mappers generate.
 */
async function main(check: boolean) {
  const stale: string[] = [];
  for (const name of codegenSubgraphs) {
    const file = generatedPath(name);
    const text = await generate(name);
    const shown = path.relative(repoRoot, file);
    if (check) {
      const committed = existsSync(file) ? readFileSync(file, 'utf8') : null;
      if (committed !== text) stale.push(`${shown} is ${committed === null ? 'missing' : 'stale'}: run \`npm run codegen\` and commit it`);
    } else {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
      console.log(`wrote ${shown}`);
    }
  }
  if (stale.length) {
    console.error(stale.join('\n'));
    process.exitCode = 1;
  }
}

if (require.main === module) {
  main(process.argv.includes('--check')).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
