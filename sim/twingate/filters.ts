import { GraphQLError } from "graphql";

export interface StringFilter {
  eq?: string | null;
  ne?: string | null;
  in?: string[] | null;
  startsWith?: string | null;
  endsWith?: string | null;
  contains?: string | null;
  regexp?: string | null;
}

const given = <T>(v: T | null | undefined): v is T => v !== undefined && v !== null;

/** Every operator present must hold (operators, like filter fields, are ANDed). */
export function matchString(value: string | null, f: StringFilter | null | undefined): boolean {
  if (!f) return true;
  const v = value ?? "";
  if (given(f.eq) && v !== f.eq) return false;
  if (given(f.ne) && v === f.ne) return false;
  if (given(f.in) && !f.in.includes(v)) return false;
  if (given(f.startsWith) && !v.startsWith(f.startsWith)) return false;
  if (given(f.endsWith) && !v.endsWith(f.endsWith)) return false;
  if (given(f.contains) && !v.includes(f.contains)) return false;
  if (given(f.regexp)) {
    let re: RegExp;
    try {
      re = new RegExp(f.regexp);
    } catch {
      throw new GraphQLError(`Invalid regular expression: ${f.regexp}`);
    }
    if (!re.test(v)) return false;
  }
  return true;
}

export function matchIn<T>(value: T, f: { in?: T[] | null } | null | undefined): boolean {
  return !f || !given(f.in) || f.in.includes(value);
}

export function matchBool(value: boolean, f: { eq?: boolean | null } | null | undefined): boolean {
  return !f || !given(f.eq) || value === f.eq;
}
