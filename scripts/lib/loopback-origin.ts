/**
 * The http origin at which a server listening on host:port reaches itself:
 * a wildcard bind (0.0.0.0, ::) becomes the loopback address of its family,
 * an IPv6 address gets its brackets.
 */
export function loopbackOrigin(host: string, port: number): string {
  const bare = host.replace(/^\[(.*)\]$/, "$1");
  if (bare === "" || bare === "0.0.0.0") return `http://127.0.0.1:${port}`;
  if (bare === "::") return `http://[::1]:${port}`;
  return `http://${bare.includes(":") ? `[${bare}]` : bare}:${port}`;
}
