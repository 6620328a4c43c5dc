/** Something holding connections until it is disposed: a set of SDK clients. */
export interface Disposable {
  dispose(): void;
}

/**
 * Calls `use` with `given` (the caller's, left open: tests pass fakes), or else with what `open` makes, disposed once
 * `use` settles. `open` may import its module lazily, so what only a running use case needs (the AWS SDK) loads only
 * once the options are known to be good.
 */
export async function withResource<R extends Disposable, T>(
  given: R | undefined,
  open: () => Promise<R>,
  use: (resource: R) => Promise<T>,
): Promise<T> {
  const resource = given ?? (await open());
  try {
    return await use(resource);
  } finally {
    if (given === undefined) resource.dispose();
  }
}
