/**
 * The exhaustiveness check of a switch over a closed union: `default: return assertNever(x)` does not compile
 * while a member of the union has no case, so adding a member breaks the build until every switch knows it.
 */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}

/**
 * The same compile-time check for a value read from the wire, where a newer server may send a member this
 * client does not know yet: at run time that gets the fallback instead of an exception.
 */
export function exhaustive<T>(_value: never, fallback: T): T {
  return fallback;
}
