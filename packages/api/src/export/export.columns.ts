/**
 * The columns of a CSV export, read from the selection of each row: a scalar is a column, a
 * nested object's fields are columns with dotted headers (`area.name`), and a list (of scalars or
 * of objects, a nested connection's `nodes` included) is one column holding its JSON.
 */
import {
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';

export interface Column {
  /** `area.name`: the response keys (aliases where given) from the row down. */
  header: string;
  path: string[];
}

/** Every column `selection` yields on rows of `type`, in the order they first appear; a field selected twice is one column. */
export function columnsOf(
  schema: GraphQLSchema,
  type: GraphQLNamedType,
  selection: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
): Column[] {
  const columns = new Map<string, Column>();
  const visit = (parent: GraphQLNamedType, set: SelectionSetNode, prefix: string[]) => {
    for (const node of set.selections) {
      if (node.kind === Kind.FIELD) {
        const path = [...prefix, node.alias?.value ?? node.name.value];
        const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[node.name.value] : undefined;
        const fieldType = field ? getNullableType(field.type) : undefined;
        const named = fieldType ? getNamedType(fieldType) : undefined;
        if (node.selectionSet && named && isCompositeType(named) && !isListType(fieldType)) {
          visit(named, node.selectionSet, path);
        } else {
          const header = path.join('.');
          if (!columns.has(header)) columns.set(header, { header, path });
        }
      } else {
        const fragment = node.kind === Kind.FRAGMENT_SPREAD ? fragments[node.name.value] : node;
        if (!fragment) continue;
        const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parent;
        visit(condition ?? parent, fragment.selectionSet, prefix);
      }
    }
  };
  visit(type, selection, []);
  return [...columns.values()];
}

/**
 * One CSV cell: text as it is, numbers and booleans as JSON writes them, lists and objects as
 * their JSON, null and absent as an empty cell. With `excel`, text a spreadsheet would run as a
 * formula (=, +, -, @, tab, CR first: OWASP's CSV injection) is kept as text by a leading `'`.
 */
export function cellOf(row: unknown, column: Column, excel: boolean): string {
  let value: unknown = row;
  for (const key of column.path) {
    if (value == null || typeof value !== 'object') return '';
    value = (value as Record<string, unknown>)[key];
  }
  if (value == null) return '';
  if (typeof value === 'string') return excel && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
