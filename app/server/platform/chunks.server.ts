// SQLite binds at most 999 values a statement (Prisma checks it before sending), so a list of ids
// that grows with the shop (its influencers, a month of commissions, an imported file) is sent in
// chunks.
const CHUNK = 500;

/** Reads rows for a long list of keys, a chunk of keys a query. */
export async function readInChunks<K, R>(keys: K[], read: (chunk: K[]) => Promise<R[]>): Promise<R[]> {
  const rows: R[] = [];
  for (let i = 0; i < keys.length; i += CHUNK) rows.push(...(await read(keys.slice(i, i + CHUNK))));
  return rows;
}

/** Runs an updateMany (or deleteMany) over a long list of keys; returns how many rows it changed. */
export async function countInChunks<K>(keys: K[], write: (chunk: K[]) => Promise<{ count: number }>): Promise<number> {
  let count = 0;
  for (let i = 0; i < keys.length; i += CHUNK) count += (await write(keys.slice(i, i + CHUNK))).count;
  return count;
}
