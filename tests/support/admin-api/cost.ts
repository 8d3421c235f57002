// The requested cost of a query as Shopify computes it before running it (shopify.dev, "GraphQL
// Admin API rate limits"): scalars and enums 0, objects 1, a connection 2 plus the objects it asks
// for (first or last) times each one's cost, a mutation 10. A query over 1,000 is refused; the
// shop's bucket must hold the cost.
import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isLeafType,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from "graphql";

export const MAX_SINGLE_QUERY_COST = 1000;
const MUTATION_COST = 10;

export function requestedCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return 0;
  if (operation.operation === "mutation") {
    return (
      operation.selectionSet.selections.filter((s) => s.kind === Kind.FIELD && s.name.value !== "__typename").length *
      MUTATION_COST
    );
  }
  return selectionCost(schema, schema.getQueryType()!, operation.selectionSet, variables, fragments);
}

function selectionCost(
  schema: GraphQLSchema,
  parent: GraphQLCompositeType,
  selectionSet: SelectionSetNode | undefined,
  variables: Record<string, unknown>,
  fragments: Map<string, FragmentDefinitionNode>,
): number {
  if (!selectionSet) return 0;
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT || selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
      if (!fragment) continue;
      const on = fragment.typeCondition
        ? (schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType)
        : parent;
      total += selectionCost(schema, on, fragment.selectionSet, variables, fragments);
      continue;
    }
    if (selection.name.value === "__typename" || (isAbstractType(parent) && !("getFields" in parent))) continue;
    const field = (parent as GraphQLObjectType).getFields()[selection.name.value];
    if (!field) continue;
    const type = getNamedType(field.type);
    if (isLeafType(type) || !isCompositeType(type)) continue;
    const args = Object.fromEntries(
      (selection.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value, variables)]),
    );
    const size = Number(args.first ?? args.last ?? 1) || 0;
    if (type.name.endsWith("Connection")) {
      total += 2 + size * perNode(schema, type as GraphQLObjectType, selection.selectionSet, variables, fragments);
      continue;
    }
    const inner = selectionCost(schema, type, selection.selectionSet, variables, fragments);
    if (field.args.some((a) => a.name === "first"))
      total += size * (1 + inner); // a list sized by first
    else total += 1 + inner;
  }
  return total;
}

/** What one object of a connection costs: its `nodes` (or `edges { node }`) selection; pageInfo is free. */
function perNode(
  schema: GraphQLSchema,
  connection: GraphQLObjectType,
  selectionSet: SelectionSetNode | undefined,
  variables: Record<string, unknown>,
  fragments: Map<string, FragmentDefinitionNode>,
): number {
  const nodeType = getNamedType(
    connection.getFields().nodes?.type ?? connection.getFields().edges.type,
  ) as GraphQLCompositeType;
  let cost = 0;
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind !== Kind.FIELD) continue;
    if (selection.name.value === "nodes")
      cost += 1 + selectionCost(schema, nodeType, selection.selectionSet, variables, fragments);
    if (selection.name.value === "edges") {
      const node = selection.selectionSet?.selections.find((s) => s.kind === Kind.FIELD && s.name.value === "node");
      const edgeNodeType = getNamedType(
        (getNamedType(connection.getFields().edges.type) as GraphQLObjectType).getFields().node.type,
      ) as GraphQLCompositeType;
      if (node && node.kind === Kind.FIELD)
        cost += 1 + selectionCost(schema, edgeNodeType, node.selectionSet, variables, fragments);
    }
  }
  return Math.max(cost, 1);
}

/** Connection fields asked without first or last, which Shopify refuses outside bulk queries. */
export function unsizedConnections(schema: GraphQLSchema, document: DocumentNode): string[] {
  const found: string[] = [];
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const type = typeInfo.getType();
        const named = type && getNamedType(type);
        if (!named || !named.name.endsWith("Connection")) return;
        const sized = (node.arguments ?? []).some((a) => a.name.value === "first" || a.name.value === "last");
        if (!sized) found.push(node.name.value);
      },
    }),
  );
  return found;
}
