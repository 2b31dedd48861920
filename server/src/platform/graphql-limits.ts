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

/** Distinct valid documents a checker keeps (each socket of a dashboard sends the same few). */
const CHECKED_DOCUMENTS = 500;
/** Longer documents are checked each time (the cache's memory stays small). */
const CHECKED_DOCUMENT_CHARS = 10_000;

/**
 * `checkDocument` for one schema and set of limits, remembering the documents that passed:
 * parse and validate cost more than the rest of a subscribe, and thousands of dashboards send
 * the same text. The result depends on nothing but the text, so a hit is exactly a check.
 * Refused documents are checked every time.
 */
export function documentChecker(schema: GraphQLSchema, limits: GraphqlLimits) {
  const passed = new Map<string, DocumentNode>();
  return (query: string): { document: DocumentNode } | { errors: GraphQLError[] } => {
    const hit = passed.get(query);
    if (hit) {
      // Most recently used last, so the oldest goes first.
      passed.delete(query);
      passed.set(query, hit);
      return { document: hit };
    }
    const checked = checkDocument(schema, query, limits);
    if ('document' in checked && typeof query === 'string' && query.length <= CHECKED_DOCUMENT_CHARS) {
      passed.set(query, checked.document);
      if (passed.size > CHECKED_DOCUMENTS) passed.delete(passed.keys().next().value!);
    }
    return checked;
  };
}
