import type { z } from "zod";

/** The parts of a zod schema's definition needed to walk it by path. */
interface Def {
  type: string;
  innerType?: Schema;
  element?: Schema;
  shape?: Record<string, Schema>;
  options?: Schema[];
  valueType?: Schema;
  in?: Schema;
}
type Schema = { _zod: { def: Def } };

/** Wrappers that do not change which keys an object accepts. */
const WRAPPERS = new Set(["optional", "default", "prefault", "nullable", "readonly", "catch"]);

function unwrap(schema: Schema): Schema {
  let s = schema;
  while (WRAPPERS.has(s._zod.def.type) && s._zod.def.innerType) s = s._zod.def.innerType;
  if (s._zod.def.type === "pipe" && s._zod.def.in) return unwrap(s._zod.def.in);
  return s;
}

/** The objects a schema may be at this point (a union gives several). */
function objectsAt(schema: Schema, path: readonly PropertyKey[]): Schema[] {
  const s = unwrap(schema);
  const def = s._zod.def;
  if (def.type === "union") return (def.options ?? []).flatMap((o) => objectsAt(o, path));
  if (path.length === 0) return def.type === "object" ? [s] : [];
  const [head, ...rest] = path;
  if (def.type === "array" && typeof head === "number" && def.element) return objectsAt(def.element, rest);
  if (def.type === "record" && def.valueType) return objectsAt(def.valueType, rest);
  if (def.type === "object" && typeof head === "string" && def.shape?.[head])
    return objectsAt(def.shape[head], rest);
  return [];
}

/** The keys an object schema accepts at a path, for "did you mean" hints on unknown keys. */
export function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  const keys = objectsAt(schema as unknown as Schema, path).flatMap((o) =>
    Object.keys(o._zod.def.shape ?? {}),
  );
  return [...new Set(keys)];
}
