import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { atPublicOrigin } from "@/lib/http/public-request";

export const GET = (req: NextRequest) => handlers.GET(atPublicOrigin(req));
export const POST = (req: NextRequest) => handlers.POST(atPublicOrigin(req));
