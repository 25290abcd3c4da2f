import type { Metadata } from "next";
import { GroupDetailPage } from "@/components/jumpcloud/group-detail-page";

export const metadata: Metadata = { title: "JumpCloud user group" };

export default function Page({ params }: { params: Promise<{ id: string }> }) {
  return <GroupDetailPage kind="user_group" params={params} />;
}
