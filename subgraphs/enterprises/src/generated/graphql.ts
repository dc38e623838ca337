// Generated from the subgraph's SDL by scripts/codegen.ts (`npm run codegen`): do not edit.
// A test fails when this file is stale. What resolvers return: see mappersOf in the script.
import type { Connection } from '@cadres/kit';
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Enterprise as EnterpriseEntity, Project as ProjectEntity } from '../entities';
import type { ProgressReportMapper, DivisionMapper } from '../mappers';
import type { SubgraphContext } from '@cadres/kit';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  Date: { input: string; output: string; }
  DateTime: { input: Date; output: Date; }
  link__Import: { input: unknown; output: unknown; }
  federation__FieldSet: { input: unknown; output: unknown; }
  federation__Scope: { input: unknown; output: unknown; }
  federation__Policy: { input: unknown; output: unknown; }
  _Any: { input: unknown; output: unknown; }
};

/** 规上工业, 专精特新, 科技型中小企业, other. */
export type EnterpriseCategory =
  | 'ABOVE_SCALE_INDUSTRIAL'
  | 'SPECIALIZED_NEW'
  | 'TECH_SME'
  | 'OTHER';

/** 省重点, 市重点, 县重点, other. */
export type ProjectLevel =
  | 'PROVINCIAL_KEY'
  | 'MUNICIPAL_KEY'
  | 'COUNTY_KEY'
  | 'OTHER';

/** Where something stands (亮灯): the issues subgraph defines the same three values. */
export type Light =
  | 'GREEN'
  | 'YELLOW'
  | 'RED';

export type PageInfo = {
  __typename?: 'PageInfo';
  hasNextPage: Scalars['Boolean']['output'];
  endCursor?: Maybe<Scalars['String']['output']>;
};

/** A division, owned by places; this subgraph adds what lies in its subtree. */
export type Division = {
  __typename?: 'Division';
  code: Scalars['ID']['output'];
  /** Enterprises anywhere in this division's subtree, optionally of one category, ordered by id. */
  enterprises?: Maybe<EnterpriseConnection>;
  /** How many enterprises lie in the subtree; null where enterprises shows the caller nothing. People's Coverage.enterprises asks for it. */
  enterpriseCount?: Maybe<Scalars['Int']['output']>;
  /** Ids of the enterprises in the subtree, ordered; null where enterprises shows the caller nothing. People asks for them when a client reads Coverage.enterprisesWithoutLiaison. */
  enterpriseIds?: Maybe<Array<Scalars['ID']['output']>>;
  /** Projects sited anywhere in this division's subtree, optionally only those showing one light today, ordered by id. */
  projects?: Maybe<ProjectConnection>;
};


/** A division, owned by places; this subgraph adds what lies in its subtree. */
export type DivisionEnterprisesArgs = {
  category?: InputMaybe<EnterpriseCategory>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


/** A division, owned by places; this subgraph adds what lies in its subtree. */
export type DivisionProjectsArgs = {
  light?: InputMaybe<Light>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};

/**
 * An enterprise (企业). Partner systems that hold only the unified social credit code join on
 * creditCode; everyone else on id.
 */
export type Enterprise = {
  __typename?: 'Enterprise';
  id: Scalars['ID']['output'];
  /** GB 32100 unified social credit code (统一社会信用代码), validated and unique. */
  creditCode: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  category: EnterpriseCategory;
  industry?: Maybe<Scalars['String']['output']>;
  employees?: Maybe<Scalars['Int']['output']>;
  division?: Maybe<Division>;
  /** Its key projects, ordered by id. */
  projects: Array<Project>;
  /** Increases with every change. */
  version: Scalars['Int']['output'];
};

export type EnterpriseConnection = {
  __typename?: 'EnterpriseConnection';
  nodes: Array<Enterprise>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/**
 * A key project (重点项目) on an enterprise's site, with its plan and reported progress.
 *
 * light, by today (China Standard Time) with the default thresholds:
 * GREEN on plan (less than 10 points behind), ahead, not yet due to start, or finished;
 * YELLOW 10 to 30 points behind (both included), or the planned start is past with no progress;
 * RED more than 30 points behind, or no progress on or after the day 3 months after the planned start.
 */
export type Project = {
  __typename?: 'Project';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  level: ProjectLevel;
  enterprise: Enterprise;
  site?: Maybe<Division>;
  plannedStart: Scalars['Date']['output'];
  plannedFinish: Scalars['Date']['output'];
  /** 0..1: 0 up to the planned start, 1 from the planned finish, linear in days between. */
  plannedProgress: Scalars['Float']['output'];
  /** 0..1: the last report (0 before any), in steps of 0.0001. */
  actualProgress: Scalars['Float']['output'];
  light: Light;
  /** Every progress report, oldest first. */
  progressReports: ProgressReportConnection;
  /** Increases with every progress report. */
  version: Scalars['Int']['output'];
};


/**
 * A key project (重点项目) on an enterprise's site, with its plan and reported progress.
 *
 * light, by today (China Standard Time) with the default thresholds:
 * GREEN on plan (less than 10 points behind), ahead, not yet due to start, or finished;
 * YELLOW 10 to 30 points behind (both included), or the planned start is past with no progress;
 * RED more than 30 points behind, or no progress on or after the day 3 months after the planned start.
 */
export type ProjectProgressReportsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};

export type ProjectConnection = {
  __typename?: 'ProjectConnection';
  nodes: Array<Project>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

/** One progress report, as reported; never changed. */
export type ProgressReport = {
  __typename?: 'ProgressReport';
  actualProgress: Scalars['Float']['output'];
  note?: Maybe<Scalars['String']['output']>;
  reportedAt: Scalars['DateTime']['output'];
  /** Who reported it (the caller's token subject). */
  reportedBy?: Maybe<Scalars['String']['output']>;
};

export type ProgressReportConnection = {
  __typename?: 'ProgressReportConnection';
  nodes: Array<ProgressReport>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** By id or by credit code: exactly one of them (BAD_USER_INPUT otherwise); null when there is no such enterprise. */
  enterprise?: Maybe<Enterprise>;
  /** Enterprises, filtered: in divisionCode's subtree, of one category, and/or whose name contains search; ordered by id. */
  enterprises: EnterpriseConnection;
  /** A project by id; null when there is none. */
  project?: Maybe<Project>;
};


export type QueryEnterpriseArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  creditCode?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryEnterprisesArgs = {
  divisionCode?: InputMaybe<Scalars['ID']['input']>;
  category?: InputMaybe<EnterpriseCategory>;
  search?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


export type QueryProjectArgs = {
  id: Scalars['ID']['input'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Registers an enterprise. creditCode is checked against GB 32100 (BAD_USER_INPUT, field
   * creditCode) and must be new (CONFLICT); divisionCode must be a valid division code.
   */
  registerEnterprise: Enterprise;
  /**
   * Registers a key project on an enterprise (NOT_FOUND, field enterpriseId, when there is none).
   * siteCode must be a valid division code; plannedFinish must be after plannedStart (BAD_USER_INPUT).
   */
  registerProject: Project;
  /**
   * Records a progress report (every report is kept) and makes it the actual progress.
   * actualProgress must be within 0..1 (BAD_USER_INPUT, field actualProgress); a report lower than
   * the last one needs a note (BAD_USER_INPUT, field note). With expectedVersion, CONFLICT when the
   * project has moved on.
   */
  reportProjectProgress: Project;
};


export type MutationRegisterEnterpriseArgs = {
  creditCode: Scalars['ID']['input'];
  name: Scalars['String']['input'];
  category: EnterpriseCategory;
  divisionCode: Scalars['ID']['input'];
  industry?: InputMaybe<Scalars['String']['input']>;
  employees?: InputMaybe<Scalars['Int']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRegisterProjectArgs = {
  enterpriseId: Scalars['ID']['input'];
  name: Scalars['String']['input'];
  level: ProjectLevel;
  siteCode: Scalars['ID']['input'];
  plannedStart: Scalars['Date']['input'];
  plannedFinish: Scalars['Date']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationReportProjectProgressArgs = {
  projectId: Scalars['ID']['input'];
  actualProgress: Scalars['Float']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
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
  Enterprise: Enterprise;
  Project: Project;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Division:
    ( { __typename: 'Division' }
    & GraphQLRecursivePick<FederationTypes['Division'], {"code":true}> );
  Enterprise:
    ( { __typename: 'Enterprise' }
    & ( GraphQLRecursivePick<FederationTypes['Enterprise'], {"id":true}>
        | GraphQLRecursivePick<FederationTypes['Enterprise'], {"creditCode":true}> ) );
  Project:
    ( { __typename: 'Project' }
    & GraphQLRecursivePick<FederationTypes['Project'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  EnterpriseCategory: EnterpriseCategory;
  ProjectLevel: ProjectLevel;
  Light: Light;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Division: ResolverTypeWrapper<DivisionMapper>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Enterprise: ResolverTypeWrapper<EnterpriseEntity>;
  EnterpriseConnection: ResolverTypeWrapper<Connection<ResolversParentTypes['Enterprise']>>;
  Project: ResolverTypeWrapper<ProjectEntity>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ProjectConnection: ResolverTypeWrapper<Connection<ResolversParentTypes['Project']>>;
  ProgressReport: ResolverTypeWrapper<ProgressReportMapper>;
  ProgressReportConnection: ResolverTypeWrapper<Connection<ResolversParentTypes['ProgressReport']>>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
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
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  PageInfo: PageInfo;
  Division: DivisionMapper;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  Enterprise: EnterpriseEntity;
  EnterpriseConnection: Connection<ResolversParentTypes['Enterprise']>;
  Project: ProjectEntity;
  Float: Scalars['Float']['output'];
  ProjectConnection: Connection<ResolversParentTypes['Project']>;
  ProgressReport: ProgressReportMapper;
  ProgressReportConnection: Connection<ResolversParentTypes['ProgressReport']>;
  Query: Record<PropertyKey, never>;
  Mutation: Record<PropertyKey, never>;
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

export type Federation__RequiresDirectiveArgs = {
  fields: Scalars['federation__FieldSet']['input'];
};

export type Federation__RequiresDirectiveResolver<Result, Parent, ContextType = SubgraphContext, Args = Federation__RequiresDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ProvidesDirectiveArgs = {
  fields: Scalars['federation__FieldSet']['input'];
};

export type Federation__ProvidesDirectiveResolver<Result, Parent, ContextType = SubgraphContext, Args = Federation__ProvidesDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ExternalDirectiveArgs = {
  reason?: Maybe<Scalars['String']['input']>;
};

export type Federation__ExternalDirectiveResolver<Result, Parent, ContextType = SubgraphContext, Args = Federation__ExternalDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

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

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type PageInfoResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type DivisionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Division'] = ResolversParentTypes['Division'], FederationReferenceType extends FederationReferenceTypes['Division'] = FederationReferenceTypes['Division']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Division']> | FederationReferenceType, FederationReferenceType, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  enterprises?: Resolver<Maybe<ResolversTypes['EnterpriseConnection']>, ParentType, ContextType, Partial<DivisionEnterprisesArgs>>;
  enterpriseCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  enterpriseIds?: Resolver<Maybe<Array<ResolversTypes['ID']>>, ParentType, ContextType>;
  projects?: Resolver<Maybe<ResolversTypes['ProjectConnection']>, ParentType, ContextType, Partial<DivisionProjectsArgs>>;
};

export type EnterpriseResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Enterprise'] = ResolversParentTypes['Enterprise'], FederationReferenceType extends FederationReferenceTypes['Enterprise'] = FederationReferenceTypes['Enterprise']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Enterprise']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  creditCode?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  category?: Resolver<ResolversTypes['EnterpriseCategory'], ParentType, ContextType>;
  industry?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  employees?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  division?: Resolver<Maybe<ResolversTypes['Division']>, ParentType, ContextType>;
  projects?: Resolver<Array<ResolversTypes['Project']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type EnterpriseConnectionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['EnterpriseConnection'] = ResolversParentTypes['EnterpriseConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Enterprise']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ProjectResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Project'] = ResolversParentTypes['Project'], FederationReferenceType extends FederationReferenceTypes['Project'] = FederationReferenceTypes['Project']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Project']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['ProjectLevel'], ParentType, ContextType>;
  enterprise?: Resolver<ResolversTypes['Enterprise'], ParentType, ContextType>;
  site?: Resolver<Maybe<ResolversTypes['Division']>, ParentType, ContextType>;
  plannedStart?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  plannedFinish?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  plannedProgress?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  actualProgress?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  light?: Resolver<ResolversTypes['Light'], ParentType, ContextType>;
  progressReports?: Resolver<ResolversTypes['ProgressReportConnection'], ParentType, ContextType, Partial<ProjectProgressReportsArgs>>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ProjectConnectionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['ProjectConnection'] = ResolversParentTypes['ProjectConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Project']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ProgressReportResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['ProgressReport'] = ResolversParentTypes['ProgressReport']> = {
  actualProgress?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reportedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  reportedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ProgressReportConnectionResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['ProgressReportConnection'] = ResolversParentTypes['ProgressReportConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['ProgressReport']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  enterprise?: Resolver<Maybe<ResolversTypes['Enterprise']>, ParentType, ContextType, Partial<QueryEnterpriseArgs>>;
  enterprises?: Resolver<ResolversTypes['EnterpriseConnection'], ParentType, ContextType, Partial<QueryEnterprisesArgs>>;
  project?: Resolver<Maybe<ResolversTypes['Project']>, ParentType, ContextType, RequireFields<QueryProjectArgs, 'id'>>;
};

export type MutationResolvers<ContextType = SubgraphContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  registerEnterprise?: Resolver<ResolversTypes['Enterprise'], ParentType, ContextType, RequireFields<MutationRegisterEnterpriseArgs, 'creditCode' | 'name' | 'category' | 'divisionCode'>>;
  registerProject?: Resolver<ResolversTypes['Project'], ParentType, ContextType, RequireFields<MutationRegisterProjectArgs, 'enterpriseId' | 'name' | 'level' | 'siteCode' | 'plannedStart' | 'plannedFinish'>>;
  reportProjectProgress?: Resolver<ResolversTypes['Project'], ParentType, ContextType, RequireFields<MutationReportProjectProgressArgs, 'projectId' | 'actualProgress'>>;
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
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  PageInfo?: PageInfoResolvers<ContextType>;
  Division?: DivisionResolvers<ContextType>;
  Enterprise?: EnterpriseResolvers<ContextType>;
  EnterpriseConnection?: EnterpriseConnectionResolvers<ContextType>;
  Project?: ProjectResolvers<ContextType>;
  ProjectConnection?: ProjectConnectionResolvers<ContextType>;
  ProgressReport?: ProgressReportResolvers<ContextType>;
  ProgressReportConnection?: ProgressReportConnectionResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  link__Import?: GraphQLScalarType;
  federation__FieldSet?: GraphQLScalarType;
  federation__Scope?: GraphQLScalarType;
  federation__Policy?: GraphQLScalarType;
  _Any?: GraphQLScalarType;
};

export type DirectiveResolvers<ContextType = SubgraphContext> = {
  link?: LinkDirectiveResolver<any, any, ContextType>;
  federation__requires?: Federation__RequiresDirectiveResolver<any, any, ContextType>;
  federation__provides?: Federation__ProvidesDirectiveResolver<any, any, ContextType>;
  federation__external?: Federation__ExternalDirectiveResolver<any, any, ContextType>;
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
