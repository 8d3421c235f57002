// Bulk query operations as Shopify runs them (shopify.dev, "Perform bulk operations with the
// GraphQL Admin API"): bulkOperationRunQuery checks the query (valid, at least one connection, at
// most five, nested at most two deep, one running operation per shop), runs it over everything
// without page sizes, and after a while the operation is COMPLETED with a URL to a JSONL file: one
// object a line, each object of a nested connection on its own line with `__parentId`.
import {
  Kind,
  parse,
  validate,
  visit,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLError,
  type GraphQLSchema,
} from "graphql";

export type StandInBulkOperation = {
  id: number;
  query: string;
  createdAt: number;
  completesAt: number;
  status: "RUNNING" | "COMPLETED" | "FAILED" | "CANCELED";
  errorCode: string | null;
  lines: string[];
  rootObjectCount: number;
};

type UserError = { field: string[]; message: string; code: string | null };

/** Connections (by their field name) and how deep the deepest sits. */
function connectionShape(document: DocumentNode): { count: number; depth: number } {
  let count = 0;
  let depth = 0;
  let current = 0;
  visit(document, {
    Field: {
      enter(node) {
        const isConnection = node.selectionSet?.selections.some(
          (s) => s.kind === Kind.FIELD && (s.name.value === "edges" || s.name.value === "nodes"),
        );
        if (isConnection) {
          count += 1;
          current += 1;
          depth = Math.max(depth, current);
        }
      },
      leave(node) {
        if (
          node.selectionSet?.selections.some(
            (s) => s.kind === Kind.FIELD && (s.name.value === "edges" || s.name.value === "nodes"),
          )
        )
          current -= 1;
      },
    },
  });
  return { count, depth };
}

export function startBulkQuery(
  schema: GraphQLSchema,
  query: string,
  running: StandInBulkOperation | undefined,
  run: (document: DocumentNode) => ExecutionResult,
  now: number,
  completeAfterMs: number,
  id: number,
): { operation: StandInBulkOperation } | { userErrors: UserError[] } {
  const refuse = (message: string, code: string | null = "INVALID") => ({
    userErrors: [{ field: ["query"], message, code }],
  });
  if (running && running.status === "RUNNING") {
    return refuse(
      `A bulk query operation for this app and shop is already in progress: gid://shopify/BulkOperation/${running.id}.`,
      "OPERATION_IN_PROGRESS",
    );
  }
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return refuse(`Invalid bulk query: ${(error as GraphQLError).message}`);
  }
  const problems = validate(schema, document);
  if (problems.length) return refuse(`Invalid bulk query: ${problems[0].message}`);
  const shape = connectionShape(document);
  if (shape.count === 0) return refuse("Bulk queries must contain at least one connection.");
  if (shape.count > 5) return refuse("Bulk queries cannot contain more than 5 connections.");
  if (shape.depth > 3) return refuse("Bulk queries cannot contain connections with a nesting depth greater than 2.");
  const result = run(document);
  if (result.errors?.length) return refuse(`Invalid bulk query: ${result.errors[0].message}`);
  const lines: string[] = [];
  let roots = 0;
  for (const value of Object.values(result.data ?? {})) {
    for (const node of nodesOf(value)) {
      roots += 1;
      emit(node as Record<string, unknown>, null, lines);
    }
  }
  return {
    operation: {
      id,
      query,
      createdAt: now,
      completesAt: now + completeAfterMs,
      status: "RUNNING",
      errorCode: null,
      lines,
      rootObjectCount: roots,
    },
  };
}

const isConnection = (value: unknown): value is { edges?: Array<{ node: unknown }>; nodes?: unknown[] } =>
  typeof value === "object" &&
  value !== null &&
  !Array.isArray(value) &&
  (Array.isArray((value as { edges?: unknown }).edges) || Array.isArray((value as { nodes?: unknown }).nodes));

const nodesOf = (value: unknown): unknown[] =>
  isConnection(value) ? (value.nodes ?? (value.edges ?? []).map((e) => e.node)) : [];

/** One object's line, then the lines of the objects of its connections, at any depth below it. */
function emit(node: Record<string, unknown>, parentId: string | null, lines: string[]) {
  const children: Array<{ parent: string | null; node: Record<string, unknown> }> = [];
  const strip = (value: Record<string, unknown>, owner: string | null): Record<string, unknown> => {
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (isConnection(inner)) {
        for (const child of nodesOf(inner)) children.push({ parent: owner, node: child as Record<string, unknown> });
      } else if (Array.isArray(inner)) {
        copy[key] = inner.map((item) =>
          item && typeof item === "object"
            ? strip(
                item as Record<string, unknown>,
                typeof (item as { id?: unknown }).id === "string" ? (item as { id: string }).id : owner,
              )
            : item,
        );
      } else if (inner && typeof inner === "object") {
        copy[key] = strip(inner as Record<string, unknown>, owner);
      } else copy[key] = inner;
    }
    return copy;
  };
  const own = typeof node.id === "string" ? node.id : parentId;
  const line = strip(node, own);
  lines.push(JSON.stringify(parentId ? { ...line, __parentId: parentId } : line));
  for (const child of children) emit(child.node, child.parent, lines);
}

/** The operation as the BulkOperation object of a `node` query. */
export function bulkOperationNode(op: StandInBulkOperation, now: number, fileUrl: string) {
  if (op.status === "RUNNING" && now >= op.completesAt) op.status = "COMPLETED";
  const done = op.status === "COMPLETED";
  return {
    __typename: "BulkOperation",
    id: `gid://shopify/BulkOperation/${op.id}`,
    status: op.status,
    errorCode: op.errorCode,
    createdAt: new Date(op.createdAt).toISOString(),
    completedAt: done ? new Date(op.completesAt).toISOString() : null,
    objectCount: String(done ? op.lines.length : Math.floor(op.lines.length / 2)),
    rootObjectCount: String(done ? op.rootObjectCount : Math.floor(op.rootObjectCount / 2)),
    fileSize: done ? String(op.lines.reduce((n, l) => n + l.length + 1, 0)) : null,
    url: done && op.lines.length ? fileUrl : null,
    partialDataUrl: null,
    query: op.query,
    type: "QUERY",
  };
}
