import type { StoredRows } from "./connection";
import { globalId, type NodeType } from "./ids";
import type {
  AccessRequestRow,
  ConnectorRow,
  DeviceRow,
  GroupRow,
  RemoteNetworkRow,
  ResourceRow,
  SecurityPolicyRow,
  ServiceAccountKeyRow,
  ServiceAccountRow,
  UserRow,
} from "./records";

/** A Twingate network's objects, in creation order (which is also list order). */
export class TwingateState {
  readonly users = new Map<number, UserRow>();
  readonly devices = new Map<number, DeviceRow>();
  readonly groups = new Map<number, GroupRow>();
  readonly securityPolicies = new Map<number, SecurityPolicyRow>();
  readonly remoteNetworks = new Map<number, RemoteNetworkRow>();
  readonly resources = new Map<number, ResourceRow>();
  readonly serviceAccounts = new Map<number, ServiceAccountRow>();
  readonly serviceAccountKeys = new Map<number, ServiceAccountKeyRow>();
  readonly connectors = new Map<number, ConnectorRow>();
  /** Open requests only: an approved or rejected request is no longer listed. */
  readonly accessRequests = new Map<number, AccessRequestRow>();
  private readonly counters = new Map<NodeType, number>();

  constructor(private readonly clock: () => Date = () => new Date()) {}

  now(): string {
    return this.clock().toISOString();
  }

  /** The next number for a type; real ids are large and sparse, so these start high. */
  nextId(type: NodeType): { n: number; id: string } {
    const n = (this.counters.get(type) ?? 100_000) + 1;
    this.counters.set(type, n);
    return { n, id: globalId(type, n) };
  }

  defaultPolicy(): SecurityPolicyRow {
    for (const p of this.securityPolicies.values()) if (p.policyType === "DEFAULT_RESOURCE") return p;
    throw new Error("no default security policy");
  }

  isMember(group: GroupRow, userN: number): boolean {
    return group.everyone ? this.users.has(userN) : group.userNs.has(userN);
  }

  /**
   * A group's members as stored, for paging without copying the whole list
   * for every page (a 5,000-member group read 100 at a time would be copied
   * 50 times). userNs holds only users that exist: a user's deletion takes it
   * out of every group, and adding an unknown user is refused.
   */
  groupMembers(group: GroupRow): StoredRows<UserRow> {
    if (group.everyone) return this.users;
    const users = this.users;
    return {
      size: group.userNs.size,
      *values() {
        for (const n of group.userNs) yield users.get(n)!;
      },
    };
  }

  groupUsers(group: GroupRow): UserRow[] {
    return [...this.groupMembers(group).values()];
  }

  /** Resources on which this principal ("Group:<n>" / "ServiceAccount:<n>") has an access edge. */
  resourcesOf(principal: string): ResourceRow[] {
    return [...this.resources.values()].filter((r) => r.access.has(principal));
  }

  /** Key status is derived, as the vendor reports it: revoked wins over expired. */
  keyStatus(key: ServiceAccountKeyRow): "ACTIVE" | "EXPIRED" | "REVOKED" {
    if (key.revokedAt) return "REVOKED";
    if (key.expiresAt && Date.parse(key.expiresAt) <= this.clock().getTime()) return "EXPIRED";
    return "ACTIVE";
  }
}
