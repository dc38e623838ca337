import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode, type FieldNode } from 'graphql';
import { encodeCursor, pageOf, selectsField, sliceConnection, toConnection } from './connection';

const errorOf = (f: () => unknown) => {
  try {
    f();
    return null;
  } catch (e) {
    return (e as { extensions: unknown }).extensions;
  }
};

describe('connections', () => {
  it('defaults to 20 and accepts 0..500', () => {
    expect(pageOf({})).toEqual({ limit: 20, offset: 0 });
    expect(pageOf({ first: 0 })).toEqual({ limit: 0, offset: 0 });
    expect(pageOf({ first: 500, after: encodeCursor(40) })).toEqual({ limit: 500, offset: 40 });
  });

  it('refuses first outside 0..500 and foreign cursors with BAD_USER_INPUT and the field', () => {
    expect(errorOf(() => pageOf({ first: 501 }))).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(errorOf(() => pageOf({ first: -1 }))).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(errorOf(() => pageOf({ after: 'bm9wZQ' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(errorOf(() => pageOf({ after: encodeCursor(-3) }))).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('uses the extra row only to tell that another page follows', () => {
    const page = { limit: 2, offset: 4 };
    expect(toConnection(['a', 'b', 'c'], page, 9)).toEqual({
      nodes: ['a', 'b'],
      pageInfo: { hasNextPage: true, endCursor: encodeCursor(6) },
      totalCount: 9,
    });
    expect(toConnection([], page, 4)).toEqual({ nodes: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 4 });
  });

  it('walks an in-memory list page by page', () => {
    const all = ['a', 'b', 'c', 'd', 'e'];
    const first = sliceConnection(all, { first: 2 });
    const second = sliceConnection(all, { first: 2, after: first.pageInfo.endCursor });
    const third = sliceConnection(all, { first: 2, after: second.pageInfo.endCursor });
    expect([first.nodes, second.nodes, third.nodes]).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect([first.pageInfo.hasNextPage, second.pageInfo.hasNextPage, third.pageInfo.hasNextPage]).toEqual([true, true, false]);
  });

  it('selectsField finds a field directly, in an inline fragment and through a fragment spread (once per fragment)', () => {
    const infoOf = (query: string) => {
      const doc = parse(query);
      const operation = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
      const fragments = Object.fromEntries(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
      return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments };
    };
    expect(selectsField(infoOf('{ list { n: totalCount nodes { id } } }'), 'totalCount')).toBe(true);
    expect(selectsField(infoOf('{ list { nodes { totalCount } } }'), 'totalCount')).toBe(false);
    expect(selectsField(infoOf('{ list { ... on C { totalCount } } }'), 'totalCount')).toBe(true);
    expect(selectsField(infoOf('{ list { ...A } } fragment A on C { ...B ...A } fragment B on C { totalCount }'), 'totalCount')).toBe(true);
    expect(selectsField(infoOf('{ list { ...A ...A } } fragment A on C { nodes { id } }'), 'totalCount')).toBe(false);
  });
});
