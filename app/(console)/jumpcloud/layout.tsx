import type { ReactNode } from "react";
import { JumpcloudNav } from "@/components/jumpcloud/jc-nav";

// Navigation only: each page checks the session and tenant itself.
export default function JumpcloudLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <JumpcloudNav />
      {children}
    </>
  );
}
