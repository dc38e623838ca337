// Generates each subgraph's resolver types from its SDL: subgraphs/<name>/src/generated/graphql.ts.
// Run after changing a subgraph's SDL, its entities' class names or its src/mappers.ts:
// `npm run codegen`, and commit the result. `npm run codegen -- --check` writes nothing and fails
// while a committed file is stale (test/codegen.test.ts runs it).
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
import { isObjectType, parse, printSchema, type GraphQLSchema } from 'graphql';
import ts from 'typescript';
import { loadSdl, repoRoot, subgraphEntry } from '@cadres/kit';
import { registry } from '../subgraphs/registry';

/** Every subgraph of the federation, as the registry names them. */
export const codegenSubgraphs: readonly string[] = registry.map((s) => s.name);

// kit's live registry: a subgraph registered in-process (the template's copy) is found too.
const srcOf = (name: string) => path.join(repoRoot, subgraphEntry(name).folder, 'src');

/** Where a subgraph's generated types live (committed). */
export const generatedPath = (name: string) => path.join(srcOf(name), 'generated', 'graphql.ts');

const HEADER =
  '// Generated from the subgraph\'s SDL by scripts/codegen.ts (`npm run codegen`): do not edit.\n' +
  '// A test fails when this file is stale. What resolvers return: see mappersOf in the script.\n';

/** The names a module exports from its top-level declarations (read with the TypeScript parser). */
function exportsOf(file: string): { classes: string[]; types: string[] } {
  const found = { classes: [] as string[], types: [] as string[] };
  if (!existsSync(file)) return found;
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  for (const node of source.statements) {
    const exported = ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (exported && ts.isClassDeclaration(node) && node.name) found.classes.push(node.name.text);
    else if (exported && (ts.isTypeAliasDeclaration(node) || ts.isInterfaceDeclaration(node))) found.types.push(node.name.text);
    else if (ts.isExportDeclaration(node) && node.exportClause && ts.isNamedExports(node.exportClause)) {
      found.types.push(...node.exportClause.elements.map((e) => e.name.text));
    }
  }
  return found;
}

/**
 * What a subgraph's resolvers return for each GraphQL type, where that is not the generated
 * object type, by three conventions:
 * - a type named like a class src/entities exports is resolved from that TypeORM entity's rows;
 * - a type `XConnection` (nodes, pageInfo, totalCount) is kit's Connection of what X resolves from,
 *   whose totalCount may be a function graphql-js calls only when the field is asked for;
 * - every `XMapper` that src/mappers.ts exports maps X, before the two rules above: references to
 *   entities other subgraphs own, unions as the resolvers build them, computed objects.
 * A mapper for a type the SDL lacks is an error (a misspelled or removed type).
 */
export function mappersOf(name: string, schema: GraphQLSchema): { mappers: Record<string, string>; imports: string[] } {
  const mappers: Record<string, string> = {};
  const imports: string[] = [];
  const src = srcOf(name);
  for (const entity of exportsOf(path.join(src, 'entities', 'index.ts')).classes) {
    if (isObjectType(schema.getType(entity))) mappers[entity] = `../entities#${entity} as ${entity}Entity`;
  }
  for (const type of Object.values(schema.getTypeMap())) {
    const node = type.name.endsWith('Connection') ? type.name.slice(0, -'Connection'.length) : '';
    if (!node || !isObjectType(type) || Object.keys(type.getFields()).sort().join() !== 'nodes,pageInfo,totalCount') continue;
    mappers[type.name] = `Connection<ResolversParentTypes['${node}']>`;
    if (!imports.length) imports.push("import type { Connection } from '@cadres/kit';");
  }
  const unknown: string[] = [];
  for (const id of exportsOf(path.join(src, 'mappers.ts')).types.filter((t) => t.endsWith('Mapper'))) {
    const type = id.slice(0, -'Mapper'.length);
    if (schema.getType(type)) mappers[type] = `../mappers#${id}`;
    else unknown.push(id);
  }
  if (unknown.length) {
    throw new Error(`${path.relative(repoRoot, path.join(src, 'mappers.ts'))} maps types the ${name} SDL does not have: ${unknown.join(', ')}`);
  }
  return { mappers, imports };
}

/** The generated file of one subgraph, as text. */
export async function generate(name: string): Promise<string> {
  const schema = removeFederation(buildSubgraphSchema([{ typeDefs: loadSdl(name) }]));
  const { mappers, imports } = mappersOf(name, schema);
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
  return HEADER + imports.map((line) => `${line}\n`).join('') + (await codegen(options));
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
