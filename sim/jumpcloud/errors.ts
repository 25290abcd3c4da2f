import { json, type SimResponse } from "../core/http-server";

const STATUS_TEXT: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  429: "Too Many Requests",
  500: "Internal Server Error",
};

/** JumpCloud's Error{code,message,status}. */
export function jcError(code: number, message: string, headers?: Record<string, string>): SimResponse {
  return json(code, { code, message, status: STATUS_TEXT[code] ?? "Error" }, headers);
}

export const notFound = (what: string) => jcError(404, `${what} not found`);

/** Thrown inside handlers to answer with an error. */
export class SimFailure extends Error {
  constructor(readonly response: SimResponse) {
    super("sim failure");
  }
}

export function parseBody(body: string): unknown {
  if (!body) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    throw new SimFailure(jcError(400, "invalid JSON body"));
  }
}
