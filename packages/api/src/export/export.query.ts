/**
 * What an export runs: a GraphQL document selecting exactly one root connection, with its
 * arguments and filter, and the rows' fields under `nodes` or `edges`. It is checked as /graphql
 * checks a document (parsing, the spec's validation rules, the same depth and alias limits, the
 * cost limit), then rewritten so the export can page through it: `first` and `after` become the
 * export's variables and the connection's `pageInfo` is asked for under an alias of its own.
 * No HTTP here: export.routes.ts reads the request, export.service.ts runs the pages.
 */
import {
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  GraphQLInt,
  type GraphQLNamedType,
  type GraphQLSchema,
  GraphQLString,
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  parse,
  type SelectionNode,
  specifiedRules,
  type ValidationRule,
  validate,
  valueFromAST,
} from 'graphql';
import { MAX_PAGE_SIZE, MAX_PAGE_SIZE_EXTENSION } from '../graphql/connection.js';
import { queryCost, tooCostly } from '../graphql/limits/query-cost.js';
import { type Column, columnsOf } from './export.columns.js';
import { badExportQuery, ExportError, exportErrorOf } from './export.error.js';

/** The most rows one page of an export reads: a connection that allows fewer gets its own maximum. */
export const EXPORT_PAGE_SIZE = 1000;
/** The most tokens a document may have, as on /graphql. */
const MAX_TOKENS = 5_000;
/** The names the rewritten document gives the export's own variables and fields. */
const FIRST = 'gzExportFirst';
const AFTER = 'gzExportAfter';
export const PAGE_INFO = 'gzExportPageInfo';

export interface ExportRequest {
  query: string;
  variables: Record<string, unknown>;
  operationName: string | undefined;
}

export interface ExportPlan {
  /** The root field, e.g. `stations`: it names the file. */
  field: string;
  /** Where the connection is in each page's data: its alias, or its name. */
  responseKey: string;
  /** Whether each row is a node or an edge (an edge as selected: `cursor`, `node`, a station's `distance` …). */
  rows: 'nodes' | 'edges';
  /** Where the rows are in the connection: the alias of `nodes` or `edges`, or its name. */
  rowsKey: string;
  /** The key of `totalCount` when the caller asked for it: read on the first page only. */
  totalCountKey: string | null;
  /** The first page's document (with `totalCount`, if asked for), and every later page's. */
  firstPage: DocumentNode;
  nextPages: DocumentNode;
  operationName: string | undefined;
  /** The caller's variables; each page adds `gzExportFirst` and `gzExportAfter`. */
  variables: Record<string, unknown>;
  /** The caller's `first`: the most rows the whole export gives; null for all of them. */
  limit: number | null;
  /** The caller's `after`: the export starts after this cursor. */
  after: string | null;
  /** Rows per page: the connection's largest page, at most EXPORT_PAGE_SIZE, fewer if the cost limit needs it. */
  pageSize: number;
  /** What one row costs (query-cost.ts): a page of n rows costs 1 + n × rowCost. */
  rowCost: number;
  /** The CSV columns of a row. */
  columns: Column[];
}

export interface PlanSettings {
  schema: GraphQLSchema;
  /** The rules /graphql adds to the spec's (graphql/limits/armor.ts). */
  validationRules: ValidationRule[];
  maxCost: number;
}

const variable = (name: string) => ({ kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: name } }) as const;
const name = (value: string) => ({ kind: Kind.NAME, value }) as const;

function withoutDirectives(node: FieldNode, what: string): void {
  if (node.directives?.length) throw badExportQuery(`${what} takes no directives in an export: it is always read`);
}

/**
 * Checks `request` and plans its pages. Refusals: GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED,
 * BAD_USER_INPUT (variables that do not fit), QUERY_TOO_COSTLY (not even one row fits in the
 * cost limit), BAD_EXPORT_QUERY (not one root connection; `last`/`before`; no rows selected).
 */
export function planExport(request: ExportRequest, { schema, validationRules, maxCost }: PlanSettings): ExportPlan {
  let document: DocumentNode;
  try {
    document = parse(request.query, { maxTokens: MAX_TOKENS });
  } catch (error) {
    throw new ExportError(400, 'GRAPHQL_PARSE_FAILED', (error as GraphQLError).message);
  }
  const invalid = validate(schema, document, [...specifiedRules, ...validationRules]);
  if (invalid.length) throw new ExportError(400, 'GRAPHQL_VALIDATION_FAILED', invalid.map((e) => e.message).join('; '));

  const operation = getOperationAST(document, request.operationName);
  if (!operation) {
    throw badExportQuery(
      request.operationName
        ? `No operation is named ${request.operationName}`
        : 'The document has several operations: name one (operationName)',
    );
  }
  if (operation.operation !== 'query') throw badExportQuery(`An export runs a query, not a ${operation.operation}`);
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables);
  if (coerced.errors) throw new ExportError(400, 'BAD_USER_INPUT', coerced.errors.map((e) => e.message).join('; '));
  if (operation.variableDefinitions?.some((d) => [FIRST, AFTER].includes(d.variable.name.value))) {
    throw badExportQuery(`$${FIRST} and $${AFTER} are the export's own variables: name yours otherwise`);
  }

  const roots = operation.selectionSet.selections;
  const root = roots[0];
  if (roots.length !== 1 || root.kind !== Kind.FIELD || root.name.value.startsWith('__')) {
    throw badExportQuery(
      'An export selects exactly one root field, a connection (e.g. `stations(filter: …) { nodes { … } }`), and nothing beside it',
    );
  }
  withoutDirectives(root, `The root field ${root.name.value}`);
  const queryType = schema.getQueryType();
  const field = queryType?.getFields()[root.name.value];
  const connection = field && getNullableType(field.type);
  const firstArgument = field?.args.find((a) => a.name === 'first');
  if (
    !field ||
    !isObjectType(connection) ||
    !connection.name.endsWith('Connection') ||
    !('pageInfo' in connection.getFields()) ||
    !firstArgument ||
    !field.args.some((a) => a.name === 'after')
  ) {
    throw badExportQuery(`${root.name.value} is not a connection: an export pages through a root field whose type is a …Connection`);
  }

  const argument = (argName: string): ArgumentNode | undefined => root.arguments?.find((a) => a.name.value === argName);
  for (const backward of ['last', 'before']) {
    if (argument(backward))
      throw badExportQuery(`An export reads forward, from \`after\` on: \`${backward}\` is not for exports (order the other way instead)`);
  }
  const given = (argName: string, type: typeof GraphQLInt | typeof GraphQLString) => {
    const node = argument(argName);
    return node ? (valueFromAST(node.value, type, coerced.coerced) as unknown) : null;
  };
  const limit = given('first', GraphQLInt) as number | null;
  if (limit != null && limit < 0) throw new ExportError(400, 'BAD_USER_INPUT', `first: the most rows to export, 0 or more; got ${limit}`);
  const after = given('after', GraphQLString) as string | null;

  // The connection's own fields: exactly one of `nodes` and `edges`; `totalCount` on the first page.
  const selections = root.selectionSet?.selections ?? [];
  let rowsField: FieldNode | undefined;
  let totalCountKey: string | null = null;
  const kept: SelectionNode[] = [];
  for (const node of selections) {
    if (node.kind !== Kind.FIELD) {
      throw badExportQuery(`Select nodes or edges of ${root.name.value} directly: fragments go inside them, not around them`);
    }
    const fieldName = node.name.value;
    if (fieldName === 'nodes' || fieldName === 'edges') {
      if (rowsField) throw badExportQuery(`Select the rows once, as \`nodes\` or as \`edges\`, not both or twice`);
      withoutDirectives(node, fieldName);
      rowsField = node;
      kept.push(node);
    } else if (fieldName === 'totalCount') {
      withoutDirectives(node, fieldName);
      totalCountKey = node.alias?.value ?? fieldName;
    } else if (fieldName !== 'pageInfo' && fieldName !== '__typename') {
      // A field the spec's connections do not have (none yet): it would repeat on every page.
      throw badExportQuery(`${fieldName} is not exported: select nodes or edges, and totalCount if you want it`);
    }
  }
  if (!rowsField?.selectionSet)
    throw badExportQuery(`Select the rows' fields: ${root.name.value} { nodes { … } } or { edges { node { … } } }`);

  const pageInfo: FieldNode = {
    kind: Kind.FIELD,
    alias: name(PAGE_INFO),
    name: name('pageInfo'),
    selectionSet: {
      kind: Kind.SELECTION_SET,
      selections: ['hasNextPage', 'endCursor'].map((f) => ({ kind: Kind.FIELD, name: name(f) }) as FieldNode),
    },
  };
  const pagedArguments: ArgumentNode[] = [
    ...(root.arguments ?? []).filter((a) => a.name.value !== 'first' && a.name.value !== 'after'),
    { kind: Kind.ARGUMENT, name: name('first'), value: variable(FIRST) },
    { kind: Kind.ARGUMENT, name: name('after'), value: variable(AFTER) },
  ];
  const documentWith = (connectionSelections: SelectionNode[]): DocumentNode => {
    const paged: OperationDefinitionNode = {
      ...operation,
      variableDefinitions: [
        ...(operation.variableDefinitions ?? []),
        { kind: Kind.VARIABLE_DEFINITION, variable: variable(FIRST), type: { kind: Kind.NAMED_TYPE, name: name('Int') } },
        { kind: Kind.VARIABLE_DEFINITION, variable: variable(AFTER), type: { kind: Kind.NAMED_TYPE, name: name('String') } },
      ],
      selectionSet: {
        kind: Kind.SELECTION_SET,
        selections: [
          {
            ...root,
            arguments: pagedArguments,
            selectionSet: { kind: Kind.SELECTION_SET, selections: [...connectionSelections, pageInfo] },
          },
        ],
      },
    };
    return { kind: Kind.DOCUMENT, definitions: [paged, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)] };
  };
  const totalCount = selections.find((s) => s.kind === Kind.FIELD && s.name.value === 'totalCount');
  const nextPages = documentWith(kept);
  const firstPage = totalCount ? documentWith([totalCount, ...kept]) : nextPages;

  // What a row costs, from the page of one row; the page is as large as the connection and the cost limit allow.
  let oneRow: number;
  try {
    oneRow = queryCost(schema, nextPages, { ...request.variables, [FIRST]: 1 }, request.operationName);
  } catch (error) {
    if (error instanceof GraphQLError) throw exportErrorOf(error);
    throw error;
  }
  const rowCost = Math.max(oneRow - 1, 1);
  const largest = Number(firstArgument.extensions?.[MAX_PAGE_SIZE_EXTENSION] ?? MAX_PAGE_SIZE);
  const pageSize = Math.min(EXPORT_PAGE_SIZE, largest, Math.floor((maxCost - 1) / rowCost));
  if (pageSize < 1) {
    const error = tooCostly(1 + rowCost, maxCost);
    throw new ExportError(400, 'QUERY_TOO_COSTLY', error.message, { cost: error.extensions.cost });
  }

  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const rowType = getNamedType(connection.getFields()[rowsField.name.value].type) as GraphQLNamedType;
  return {
    field: root.name.value,
    responseKey: root.alias?.value ?? root.name.value,
    rows: rowsField.name.value as 'nodes' | 'edges',
    rowsKey: rowsField.alias?.value ?? rowsField.name.value,
    totalCountKey,
    firstPage,
    nextPages,
    operationName: request.operationName,
    variables: request.variables,
    limit,
    after,
    pageSize,
    rowCost,
    columns: columnsOf(schema, rowType, rowsField.selectionSet, fragments),
  };
}

/** The variables of one page. */
export function pageVariables(plan: ExportPlan, size: number, after: string | null): Record<string, unknown> {
  return { ...plan.variables, [FIRST]: size, [AFTER]: after };
}
