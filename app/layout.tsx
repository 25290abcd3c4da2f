import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Helpdesk console", template: "%s · Helpdesk console" },
  description: "Operate TruGrid, TruU, Twingate and JumpCloud from one place.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The response's script nonce (proxy.ts): next-themes' inline script needs
  // it; Next.js's own scripts get it from the request's policy.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-screen">
        <Providers nonce={nonce}>{children}</Providers>
      </body>
    </html>
  );
}
