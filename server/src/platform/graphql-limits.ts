import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ParseOptions,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { Config } from './config.js';

/**
 * The document limits, the same on HTTP (Apollo's parseOptions and validationRules) and on
 * WebSocket (graphql-ws onSubscribe, below): aliases, depth, cost and directives from
 * graphql-armor; tokens from graphql-js's parser; introspection off unless configured.
 */
export interface GraphqlLimits {
  parseOptions: ParseOptions;
  validationRules: ValidationRule[];
  /** Field suggestions ("Did you mean …?") are hidden along with introspection. */
  hideSuggestions: boolean;
}

// Rejections are reported as validation errors (never thrown out of validate()).
const report = { propagateOnRejection: false, onReject: [(ctx: ValidationContext | null, err: GraphQLError) => ctx?.reportError(err)] };

export function graphqlLimits(config: Pick<Config, 'limits' | 'introspection'>): GraphqlLimits {
  const l = config.limits;
  const rules: ValidationRule[] = [
    maxAliasesRule({ n: l.maxAliases, ...report }),
    maxDepthRule({ n: l.maxDepth, ...report }),
    costLimitRule({ maxCost: l.maxCost, ...report }),
    maxDirectivesRule({ n: l.maxDirectives, ...report }),
  ];
  if (!config.introspection) rules.push(NoSchemaIntrospectionCustomRule);
  return { parseOptions: { maxTokens: l.maxTokens }, validationRules: rules, hideSuggestions: !config.introspection };
}

const SUGGESTION = /\s*Did you mean .+\?/g;

export function withoutSuggestions(errors: readonly GraphQLError[]): GraphQLError[] {
  return errors.map((e) =>
    SUGGESTION.test(e.message) ? new GraphQLError(e.message.replace(SUGGESTION, ''), { nodes: e.nodes, extensions: e.extensions }) : e,
  );
}

/** Parse and validate as Apollo does over HTTP: the document, or the errors to send back. */
export function checkDocument(
  schema: GraphQLSchema,
  query: string,
  limits: GraphqlLimits,
): { document: DocumentNode } | { errors: GraphQLError[] } {
  let document: DocumentNode;
  try {
    document = parse(query, limits.parseOptions);
  } catch (err) {
    if (err instanceof GraphQLError) return { errors: [err] };
    throw err;
  }
  const errors = validate(schema, document, [...specifiedRules, ...limits.validationRules], { maxErrors: 20 });
  if (errors.length) return { errors: limits.hideSuggestions ? withoutSuggestions(errors) : [...errors] };
  return { document };
}
