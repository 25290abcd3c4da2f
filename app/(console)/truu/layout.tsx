import type { ReactNode } from "react";
import { TruuTabs } from "@/components/truu/truu-tabs";

// Only the tabs: every page below checks the session and tenant itself.
export default function TruuLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <TruuTabs />
      {children}
    </>
  );
}
