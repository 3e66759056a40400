/**
 * Field masks as the Sheets API reads the `fields` parameter ("Field masks", Sheets API guide):
 * comma-separated paths, `a/b` for a nested field, `a(b,c)` for several under one, applied to
 * every element of a repeated field. The reply holds exactly what the mask names, nothing more:
 * a caller that forgot a field finds it missing, as with Google.
 */
export type Mask = Map<string, Mask | null>;

/** Parses a mask; throws the API's error on malformed text. */
export function parseFieldMask(text: string): Mask {
  let i = 0;
  const fail = (): never => {
    throw new Error(`Invalid field selection ${text}`);
  };
  const name = (): string => {
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (!m) fail();
    i += (m as RegExpExecArray)[0].length;
    return (m as RegExpExecArray)[0];
  };
  const merge = (into: Mask, key: string, sub: Mask | null) => {
    const had = into.get(key);
    if (had === undefined) into.set(key, sub);
    else if (had === null || sub === null) into.set(key, null);
    else for (const [k, v] of sub) merge(had, k, v);
  };
  const list = (until: string | null): Mask => {
    const out: Mask = new Map();
    for (;;) {
      while (text[i] === ' ') i++;
      const path = [name()];
      while (text[i] === '/') {
        i++;
        path.push(name());
      }
      let sub: Mask | null = null;
      if (text[i] === '(') {
        i++;
        sub = list(')');
        if (text[i] !== ')') fail();
        i++;
      }
      for (let k = path.length - 1; k > 0; k--) sub = new Map([[path[k], sub]]);
      merge(out, path[0], sub);
      while (text[i] === ' ') i++;
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (until === null ? i === text.length : text[i] === until) return out;
      return fail();
    }
  };
  return list(null);
}

/** What of `value` the mask selects (arrays: each element). */
export function applyFieldMask<T>(value: T, mask: Mask | null): T {
  if (mask === null || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => applyFieldMask(v, mask)) as T;
  const out: Record<string, unknown> = {};
  for (const [k, sub] of mask) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = applyFieldMask(v, sub);
  }
  return out as T;
}
