import type { Metadata } from "next";
import { GroupDetailPage } from "@/components/jumpcloud/group-detail-page";

export const metadata: Metadata = { title: "JumpCloud system group" };

export default function Page({ params }: { params: Promise<{ id: string }> }) {
  return <GroupDetailPage kind="system_group" params={params} />;
}
