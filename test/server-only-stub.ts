// Tests import server modules directly; Next's "server-only" guard has nothing to guard there.
export {};
