// Database errors the models handle on purpose.

/** A unique constraint refused the write: the row exists already (a repeat, or a concurrent twin). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === "P2002";
}

/** Inserts a row keyed by a unique value; `false` when that row was there already (a repeat). */
export async function insertOnce(insert: () => Promise<unknown>): Promise<boolean> {
  try {
    await insert();
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/**
 * Runs an upsert again when a concurrent twin inserted the same row first: Prisma's upsert reads
 * then writes, so two at once can both try to insert. The second try finds the row and updates it.
 */
export async function upsertRacing<T>(upsert: () => Promise<T>): Promise<T> {
  try {
    return await upsert();
  } catch (error) {
    if (isUniqueViolation(error)) return upsert();
    throw error;
  }
}
