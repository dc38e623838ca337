import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildASTSchema,
  isEnumType,
  isInputObjectType,
  isNonNullType,
  isObjectType,
  isUnionType,
  parse,
  type GraphQLArgument,
  type GraphQLEnumType,
  type GraphQLInputObjectType,
  type GraphQLObjectType,
  type GraphQLUnionType,
} from 'graphql';
import { composeApiSchema, composeSupergraph, supergraphPath } from '@cadres/gateway';

describe('schema/supergraph.graphql', () => {
  it('composes from the four subgraph SDLs without errors, and the committed file is up to date', () => {
    const composed = composeSupergraph();
    // On failure: run `npm run compose` and commit schema/supergraph.graphql.
    expect(readFileSync(supergraphPath, 'utf8')).toBe(composed);
  });
});

/**
 * schema/contract.graphql is the public graph that dashboards, partner systems and analysts
 * depend on (a copy of the contract the departments agreed). The composed API may add to it,
 * never rename, drop or retype what is there.
 */
describe('the public contract', () => {
  it('is wholly present in the composed API schema, with the same types', () => {
    const contract = buildASTSchema(parse(readFileSync(path.join(path.dirname(supergraphPath), 'contract.graphql'), 'utf8')));
    // The committed supergraph is this composition (the test above).
    const api = composeApiSchema();
    const problems: string[] = [];
    for (const type of Object.values(contract.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      const ours = api.getType(type.name);
      if (!ours) {
        problems.push(`type ${type.name} is missing`);
      } else if (isObjectType(type) || isInputObjectType(type)) {
        const fields = (ours as GraphQLObjectType | GraphQLInputObjectType).getFields();
        for (const field of Object.values(type.getFields())) {
          const mine = fields[field.name];
          if (!mine) {
            problems.push(`${type.name}.${field.name} is missing`);
            continue;
          }
          if (String(mine.type) !== String(field.type)) problems.push(`${type.name}.${field.name} is ${mine.type}, not ${field.type}`);
          const mineArgs: readonly GraphQLArgument[] = 'args' in mine ? mine.args : [];
          const theirArgs: readonly GraphQLArgument[] = 'args' in field ? field.args : [];
          for (const arg of theirArgs) {
            const own = mineArgs.find((a) => a.name === arg.name);
            if (!own) problems.push(`${type.name}.${field.name}(${arg.name}) is missing`);
            else if (String(own.type) !== String(arg.type)) problems.push(`${type.name}.${field.name}(${arg.name}) is ${own.type}, not ${arg.type}`);
          }
          for (const own of mineArgs) {
            const added = !theirArgs.some((a) => a.name === own.name);
            if (added && isNonNullType(own.type) && own.defaultValue === undefined) problems.push(`${type.name}.${field.name}(${own.name}) is a new required argument`);
          }
        }
      } else if (isEnumType(type)) {
        for (const value of type.getValues()) if (!(ours as GraphQLEnumType).getValue(value.name)) problems.push(`${type.name}.${value.name} is missing`);
      } else if (isUnionType(type)) {
        const members = (ours as GraphQLUnionType).getTypes().map((t) => t.name);
        for (const member of type.getTypes()) if (!members.includes(member.name)) problems.push(`${type.name} lacks ${member.name}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
