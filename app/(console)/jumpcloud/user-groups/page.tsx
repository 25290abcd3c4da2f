import type { Metadata } from "next";
import { GroupsPage } from "@/components/jumpcloud/groups-page";

export const metadata: Metadata = { title: "JumpCloud user groups" };

export default function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <GroupsPage kind="user_group" searchParams={searchParams} />;
}
