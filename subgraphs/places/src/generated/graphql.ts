// Generated from the subgraph's SDL by scripts/codegen.ts (`npm run codegen`): do not edit.
// A test fails when this file is stale. What resolvers return: see mappersOf in the script.
import type { Connection } from '@cadres/kit';
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Division as DivisionEntity, Building as BuildingEntity, BuildingUnit as BuildingUnitEntity } from '../entities';
import type { SubgraphContext } from '@cadres/kit';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  link__Import: { input: unknown; output: unknown; }
  federation__FieldSet: { input: unknown; output: unknown; }
  federation__Scope: { input: unknown; output: unknown; }
  federation__Policy: { input: unknown; output: unknown; }
  _Any: { input: unknown; output: unknown; }
};

/** Levels of the administrative division tree, from the 12-digit code's structure. */
export type DivisionLevel =
  | 'PROVINCE'
  | 'CITY'
  | 'DISTRICT'
  | 'TOWNSHIP'
  | 'VILLAGE'
  | 'COMMUNITY';

export type PageInfo = {
  __typename?: 'PageInfo';
  hasNextPage: Scalars['Boolean']['output'];
  endCursor?: Maybe<Scalars['String']['output']>;
};

/** An administrative division (行政区划). Its 12-digit statistical code carries the hierarchy. */
export type Division = {
  __typename?: 'Division';
  /** 12-digit statistical division code (统计用区划代码), validated. */
  code: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  level: DivisionLevel;
  parent?: Maybe<Division>;
  /** Direct children, optionally of one level, ordered by code. */
  children: DivisionConnection;
  /** The chain of enclosing divisions, root first. */
  ancestors: Array<Division>;
  population?: Maybe<Scalars['Int']['output']>;
  /** Buildings anywhere in this division's subtree, ordered by id. */
  buildings: BuildingConnection;
  /** Number of villages and communities in this division's subtree (itself included). Feeds people's Division.coverage (@requires). */
  villageAndCommunityCount: Scalars['Int']['output'];
  /** Codes of the villages and communities in this division's subtree (itself included), ordered. People asks for them when a client reads Coverage.uncovered. */
  villageAndCommunityCodes: Array<Scalars['ID']['output']>;
  /** Number of building units in this division's subtree. Feeds people's Division.coverage (@requires). */
  buildingUnitCount: Scalars['Int']['output'];
  /** Ids of the building units in this division's subtree, ordered. People asks for them when a client reads Coverage.buildingUnitsShort. */
  buildingUnitIds: Array<Scalars['ID']['output']>;
  /** Codes of the direct children, ordered. Feeds people's Division.divisionRanking (@requires): every child is ranked, even one with nothing to count. */
  childCodes: Array<Scalars['ID']['output']>;
};


/** An administrative division (行政区划). Its 12-digit statistical code carries the hierarchy. */
export type DivisionChildrenArgs = {
  level?: InputMaybe<DivisionLevel>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


/** An administrative division (行政区划). Its 12-digit statistical code carries the hierarchy. */
export type DivisionBuildingsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};

export type DivisionConnection = {
  __typename?: 'DivisionConnection';
  nodes: Array<Division>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** A building (楼栋) in a community. */
export type Building = {
  __typename?: 'Building';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  division: Division;
  units: Array<BuildingUnit>;
};

export type BuildingConnection = {
  __typename?: 'BuildingConnection';
  nodes: Array<Building>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** A unit (单元) of a building: the grain at which two cadres link residents. */
export type BuildingUnit = {
  __typename?: 'BuildingUnit';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  building: Building;
};

/** A department (owned by people), seen from places: the division it serves. */
export type Department = {
  __typename?: 'Department';
  id: Scalars['ID']['output'];
  divisionCode: Scalars['ID']['output'];
  /** The division of divisionCode; null when the caller may not see it. */
  parentDivision?: Maybe<Division>;
};

export type Query = {
  __typename?: 'Query';
  /** A division by its 12-digit code; null when no such division exists. A malformed code is BAD_USER_INPUT. */
  division?: Maybe<Division>;
  /** Divisions, filtered: direct children of parentCode, of one level, and/or whose name contains search. */
  divisions: DivisionConnection;
  building?: Maybe<Building>;
  buildingUnit?: Maybe<BuildingUnit>;
};


export type QueryDivisionArgs = {
  code: Scalars['ID']['input'];
};


export type QueryDivisionsArgs = {
  parentCode?: InputMaybe<Scalars['ID']['input']>;
  level?: InputMaybe<DivisionLevel>;
  search?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


export type QueryBuildingArgs = {
  id: Scalars['ID']['input'];
};


export type QueryBuildingUnitArgs = {
  id: Scalars['ID']['input'];
};

export type Link__Purpose =
  /** `SECURITY` features provide metadata necessary to securely resolve fields. */
  | 'SECURITY'
  /** `EXECUTION` features provide metadata necessary for operation execution. */
  | 'EXECUTION';



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  Division: Division;
  Building: Building;
  BuildingUnit: BuildingUnit;
  Department: Department;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Division:
    ( { __typename: 'Division' }
    & GraphQLRecursivePick<FederationTypes['Division'], {"code":true}> );
  Building:
    ( { __typename: 'Building' }
    & GraphQLRecursivePick<FederationTypes['Building'], {"id":true}> );
  BuildingUnit:
    ( { __typename: 'BuildingUnit' }
    & GraphQLRecursivePick<FederationTypes['BuildingUnit'], {"id":true}> );
  Department:
    ( { __typename: 'Department' }
    & GraphQLRecursivePick<FederationTypes['Department'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['Department'], {"divisionCode":true}> ) );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  DivisionLevel: DivisionLevel;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Division: ResolverTypeWrapper<DivisionEntity>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  DivisionConnection: ResolverTypeWrapper<Connection<ResolversParentTypes['Division']>>;
  Building: ResolverTypeWrapper<BuildingEntity>;
  BuildingConnection: ResolverTypeWrapper<Connection<ResolversParentTypes['Building']>>;
  BuildingUnit: ResolverTypeWrapper<BuildingUnitEntity>;
  Department: ResolverTypeWrapper<Omit<Department, 'parentDivision'> & { parentDivision?: Maybe<ResolversTypes['Division']> }>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  link__Purpose: Link__Purpose;
  link__Import: ResolverTypeWrapper<Scalars['link__Import']['output']>;
  federation__FieldSet: ResolverTypeWrapper<Scalars['federation__FieldSet']['output']>;
  federation__Scope: ResolverTypeWrapper<Scalars['federation__Scope']['output']>;
  federation__Policy: ResolverTypeWrapper<Scalars['federation__Policy']['output']>;
  _Any: ResolverTypeWrapper<Scalars['_Any']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  PageInfo: PageInfo;
  Division: DivisionEntity;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  DivisionConnection: Connection<ResolversParentTypes['Division']>;
  Building: BuildingEntity;
  BuildingConnection: Connection<ResolversParentTypes['Building']>;
  BuildingUnit: BuildingUnitEntity;
  Department: Omit<Department, 'parentDivision'> & { parentDivision?: Maybe<ResolversParentTypes['Division']> } | FederationReferenceTypes['Department'];
  Query: Record<PropertyKey, never>;
  link__Import: Scalars['link__Import']['output'];
  federation__FieldSet: Scalars['federation__FieldSet']['output'];
  federation__Scope: Scalars['federation__Scope']['output'];
  federation__Policy: Scalars['federation__Policy']['output'];
  _Any: Scalars['_Any']['output'];
  String: Scalars['String']['output'];
  Boolean: Scalars['Boolean']['output'];
};

export type LinkDirectiveArgs = {
  url?: Maybe<Scalars['String']['input']>;
  as?: Maybe<Scalars['String']['input']>;
  for?: Maybe<Link__Purpose>;
  import?: Maybe<Array<Maybe<Scalars['link__Import']['input']>>>;
};

export type LinkDirectiveResolver<Result, Parent, ContextType = SubgraphContext, Args = LinkDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ProvidesDirectiveArgs = {
  fields: Scalars['federation__FieldSet']['input'];
};

export type Federation__ProvidesDirectiveResolver<Result, Parent, ContextType = SubgraphContext, Args = Federation__ProvidesDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__TagDirectiveArgs = {
  name: Scalars['String']['input'];
};

export type Federation__TagDirectiveResolver<Result, Parent, ContextType = SubgraphContext, Args = Federation__TagDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ExtendsDirectiveArgs = { };

export type Federation__ExtendsDirectiveResolver<Result, Parent, ContextType = SubgraphContext, Args = Federation__ExtendsDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ShareableDirectiveArgs = { };

export type ShareableDirectiveResolver<Result, Parent, ContextType = SubgraphContext, Args = ShareableDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__InaccessibleDirectiveArgs = { };

export type Federation__InaccessibleDirectiveResolver<Result, Parent, ContextType = SubgraphContext, Args = Federation__InaccessibleDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__OverrideDirectiveArgs = {
  from: Scalars['String']['input'];
  label?: Maybe<Scalars['String']['input']>;
};

export type Federation__OverrideDirectiveResolver<Result, Parent, ContextType = SubgraphContext, Args = Federation__OverrideDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ComposeDirectiveDirectiveArgs = {
  name?: Maybe<Scalars['String']['input']>;
};

export type Federation__ComposeDirectiveDirectiveResolver<Result, Parent, ContextType = SubgraphContext, Args = Federation__ComposeDirectiveDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__InterfaceObjectDirectiveArgs = { };

export type Federation__InterfaceObjectDirectiveResolver<Result, Parent, ContextType = SubgraphContext, Args = Federation__InterfaceObjectDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__AuthenticatedDirectiveArgs = { };

export type Federation__AuthenticatedDirectiveResolver<Result, Parent, ContextType = SubgraphContext, Args = Federation__AuthenticatedDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__RequiresScopesDirectiveArgs = {
  scopes: Array<Array<Scalars['federation__Scope']['input']>>;
};

export type Federation__RequiresScopesDirectiveResolver<Result, Parent, ContextType = SubgraphContext, Args = Federation__RequiresScopesDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__PolicyDirectiveArgs = {
  policies: Array<Array<Scalars['federation__Policy']['input']>>;
};

export type Federation__PolicyDirectiveResolver<Result, Parent, ContextType = SubgraphContext, Args = Federation__PolicyDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type PageInfoResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type DivisionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Division'] = ResolversParentTypes['Division'], FederationReferenceType extends FederationReferenceTypes['Division'] = FederationReferenceTypes['Division']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Division']> | FederationReferenceType, FederationReferenceType, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['DivisionLevel'], ParentType, ContextType>;
  parent?: Resolver<Maybe<ResolversTypes['Division']>, ParentType, ContextType>;
  children?: Resolver<ResolversTypes['DivisionConnection'], ParentType, ContextType, Partial<DivisionChildrenArgs>>;
  ancestors?: Resolver<Array<ResolversTypes['Division']>, ParentType, ContextType>;
  population?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  buildings?: Resolver<ResolversTypes['BuildingConnection'], ParentType, ContextType, Partial<DivisionBuildingsArgs>>;
  villageAndCommunityCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  villageAndCommunityCodes?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  buildingUnitCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  buildingUnitIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  childCodes?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type DivisionConnectionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['DivisionConnection'] = ResolversParentTypes['DivisionConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Division']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type BuildingResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Building'] = ResolversParentTypes['Building'], FederationReferenceType extends FederationReferenceTypes['Building'] = FederationReferenceTypes['Building']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Building']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  division?: Resolver<ResolversTypes['Division'], ParentType, ContextType>;
  units?: Resolver<Array<ResolversTypes['BuildingUnit']>, ParentType, ContextType>;
};

export type BuildingConnectionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['BuildingConnection'] = ResolversParentTypes['BuildingConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Building']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type BuildingUnitResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['BuildingUnit'] = ResolversParentTypes['BuildingUnit'], FederationReferenceType extends FederationReferenceTypes['BuildingUnit'] = FederationReferenceTypes['BuildingUnit']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['BuildingUnit']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  building?: Resolver<ResolversTypes['Building'], ParentType, ContextType>;
};

export type DepartmentResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Department'] = ResolversParentTypes['Department'], FederationReferenceType extends FederationReferenceTypes['Department'] = FederationReferenceTypes['Department']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Department']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  parentDivision?: Resolver<Maybe<ResolversTypes['Division']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  division?: Resolver<Maybe<ResolversTypes['Division']>, ParentType, ContextType, RequireFields<QueryDivisionArgs, 'code'>>;
  divisions?: Resolver<ResolversTypes['DivisionConnection'], ParentType, ContextType, Partial<QueryDivisionsArgs>>;
  building?: Resolver<Maybe<ResolversTypes['Building']>, ParentType, ContextType, RequireFields<QueryBuildingArgs, 'id'>>;
  buildingUnit?: Resolver<Maybe<ResolversTypes['BuildingUnit']>, ParentType, ContextType, RequireFields<QueryBuildingUnitArgs, 'id'>>;
};

export interface Link__ImportScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['link__Import'], any> {
  name: 'link__Import';
}

export interface Federation__FieldSetScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['federation__FieldSet'], any> {
  name: 'federation__FieldSet';
}

export interface Federation__ScopeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['federation__Scope'], any> {
  name: 'federation__Scope';
}

export interface Federation__PolicyScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['federation__Policy'], any> {
  name: 'federation__Policy';
}

export interface _AnyScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['_Any'], any> {
  name: '_Any';
}

export type Resolvers<ContextType = SubgraphContext> = {
  PageInfo?: PageInfoResolvers<ContextType>;
  Division?: DivisionResolvers<ContextType>;
  DivisionConnection?: DivisionConnectionResolvers<ContextType>;
  Building?: BuildingResolvers<ContextType>;
  BuildingConnection?: BuildingConnectionResolvers<ContextType>;
  BuildingUnit?: BuildingUnitResolvers<ContextType>;
  Department?: DepartmentResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  link__Import?: GraphQLScalarType;
  federation__FieldSet?: GraphQLScalarType;
  federation__Scope?: GraphQLScalarType;
  federation__Policy?: GraphQLScalarType;
  _Any?: GraphQLScalarType;
};

export type DirectiveResolvers<ContextType = SubgraphContext> = {
  link?: LinkDirectiveResolver<any, any, ContextType>;
  federation__provides?: Federation__ProvidesDirectiveResolver<any, any, ContextType>;
  federation__tag?: Federation__TagDirectiveResolver<any, any, ContextType>;
  federation__extends?: Federation__ExtendsDirectiveResolver<any, any, ContextType>;
  shareable?: ShareableDirectiveResolver<any, any, ContextType>;
  federation__inaccessible?: Federation__InaccessibleDirectiveResolver<any, any, ContextType>;
  federation__override?: Federation__OverrideDirectiveResolver<any, any, ContextType>;
  federation__composeDirective?: Federation__ComposeDirectiveDirectiveResolver<any, any, ContextType>;
  federation__interfaceObject?: Federation__InterfaceObjectDirectiveResolver<any, any, ContextType>;
  federation__authenticated?: Federation__AuthenticatedDirectiveResolver<any, any, ContextType>;
  federation__requiresScopes?: Federation__RequiresScopesDirectiveResolver<any, any, ContextType>;
  federation__policy?: Federation__PolicyDirectiveResolver<any, any, ContextType>;
};
