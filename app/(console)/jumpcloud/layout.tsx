import type { ReactNode } from "react";
import { VendorTabs } from "@/components/vendor/vendor-tabs";

// The area's tabs only: every page below checks the session and tenant itself (vendorPage).
export default function Layout({ children }: { children: ReactNode }) {
  return (
    <>
      <VendorTabs vendor="jumpcloud" />
      {children}
    </>
  );
}
