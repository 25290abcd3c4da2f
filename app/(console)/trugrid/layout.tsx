import type { ReactNode } from "react";
import { TrugridTabs } from "@/components/trugrid/trugrid-tabs";

export default function Layout({ children }: { children: ReactNode }) {
  return (
    <>
      <TrugridTabs />
      {children}
    </>
  );
}
