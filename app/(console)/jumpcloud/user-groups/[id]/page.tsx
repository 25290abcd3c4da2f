import type { Metadata } from "next";
import { GroupDetailPage } from "@/components/jumpcloud/group-detail-page";
import type { PageProps } from "@/lib/pages/page-context";

export const metadata: Metadata = { title: "JumpCloud user group" };

export default function Page(props: PageProps) {
  return <GroupDetailPage kind="user_group" props={props} />;
}
