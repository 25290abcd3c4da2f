import type { Metadata } from "next";
import { GroupsPage } from "@/components/jumpcloud/groups-page";
import type { PageProps } from "@/lib/pages/page-context";

export const metadata: Metadata = { title: "JumpCloud user groups" };

export default function Page(props: PageProps) {
  return <GroupsPage kind="user_group" props={props} />;
}
