import type { VendorId } from "../vendors/connection-fields";

/**
 * Every name an audit event can carry, as one list checked at compile time:
 * a server action, a route, a page, an operation or a recorder that names
 * an event outside this list does not build. Names are never changed (the
 * log is append-only and hash-chained); a renamed action keeps its former
 * name in FORMER_ACTIONS, so old events still read and undo.
 */
export const AUDIT_ACTIONS = [
  // Staff and sign-in
  "staff.created",
  "staff.updated",
  "staff.password_changed",
  "staff.password_reset",
  "staff.password_verified",
  "staff.signed_in",
  "staff.signed_out",
  "staff.sign_in_failed",
  "staff.second_factor_failed",
  "staff.second_factor.reset",
  "staff.second_factor_policy.changed",
  "staff.recovery_code.used",
  "staff.recovery_codes.regenerated",
  "staff.totp.enrolment_started",
  "staff.totp.enrolled",
  "staff.totp.removed",
  "staff.passkey.registration_started",
  "staff.passkey.added",
  "staff.passkey.renamed",
  "staff.passkey.removed",
  "staff.time_zone_changed",
  // Tenants and connections
  "tenant.created",
  "tenant.renamed",
  "tenant.retitled",
  "tenant.domain_aliases_saved",
  "tenant.connection_saved",
  "tenant.connection_tested",
  "tenant.connection_deleted",
  "console.tenant_switched",
  // Reading
  "page.viewed",
  "people.searched",
  "view.saved",
  "view.deleted",
  // The audit log itself
  "audit.exported",
  "audit.verified",
  "audit.pruned",
  "audit.retention_requested",
  "audit.retention_changed",
  "audit.undo_requested",
  "audit.undo_refused",
  // Sync
  "sync.requested",
  "sync.runs_read",
  "sync.schedule_changed",
  // Bulk jobs and runbooks
  "bulk.planned",
  "bulk.confirmed",
  "bulk.cancelled",
  "bulk.retried",
  "bulk.progress_read",
  "bulk.results_downloaded",
  "bulk.template_downloaded",
  "offboarding.planned",
  "offboarding.confirmed",
  "offboarding.undone",
  "offboarding.verified",
  // TruGrid
  "trugrid.mfa.turned_on",
  "trugrid.mfa.turned_off",
  "trugrid.mfa.reset",
  "trugrid.udp.enabled",
  "trugrid.udp.disabled",
  "trugrid.udp.set_for_domain",
  "trugrid.machine_association.set",
  "trugrid.machine_association.removed",
  "trugrid.machine_association.cleared",
  "trugrid.machine_association.reloaded",
  "trugrid.ad.users_synced",
  "trugrid.ad.machines_synced",
  "trugrid.ad.user_groups_synced",
  "trugrid.ad.machine_groups_synced",
  "trugrid.ad.refreshed",
  "trugrid.applications.refreshed",
  "trugrid.app_association.cleared",
  "trugrid.upn_suffix.added",
  "trugrid.assignment.created",
  "trugrid.logon_ip.looked_up",
  "trugrid.allow_list.read",
  // TruU
  "truu.device.deleted",
  "people.exported",
  "truu.user.looked_up",
  "twingate.user.exported",
  "truu.device.exported",
  "truu.user.deleted",
  // Twingate
  "twingate.user.state_changed",
  "twingate.user.renamed",
  "twingate.user.role_changed",
  "twingate.user.created",
  "twingate.user.deleted",
  "twingate.device.blocked",
  "twingate.device.unblocked",
  "twingate.device.archived",
  "twingate.device.unarchived",
  "twingate.device.trusted",
  "twingate.device.untrusted",
  "twingate.group.members_added",
  "twingate.group.members_removed",
  "twingate.group.created",
  "twingate.group.updated",
  "twingate.group.deleted",
  "twingate.group.resources_added",
  "twingate.group.resources_removed",
  "twingate.group.policy_changed",
  "twingate.remote_network.created",
  "twingate.remote_network.updated",
  "twingate.remote_network.deleted",
  "twingate.connector.created",
  "twingate.connector.tokens_generated",
  "twingate.connector.deleted",
  "twingate.access_request.approved",
  "twingate.access_request.rejected",
  "twingate.connector.updated",
  "twingate.security_policy.groups_changed",
  "twingate.resource.created",
  "twingate.resource.updated",
  "twingate.resource.deleted",
  "twingate.resource.access_added",
  "twingate.resource.access_set",
  "twingate.resource.access_removed",
  "twingate.service_account.created",
  "twingate.service_account.renamed",
  "twingate.service_account.deleted",
  "twingate.service_account_key.created",
  "twingate.service_account_key.renamed",
  "twingate.service_account_key.revoked",
  "twingate.service_account_key.deleted",
  // JumpCloud
  "jumpcloud.user.created",
  "jumpcloud.user.suspended",
  "jumpcloud.user.reactivated",
  "jumpcloud.user.unlocked",
  "jumpcloud.user.password_expired",
  "jumpcloud.user.password_set",
  "jumpcloud.user.activated",
  "jumpcloud.user.mfa_reset",
  "jumpcloud.user.updated",
  "jumpcloud.user.deleted",
  "jumpcloud.group.created",
  "jumpcloud.group.updated",
  "jumpcloud.group.deleted",
  "jumpcloud.group.member_added",
  "jumpcloud.group.member_removed",
  "jumpcloud.association.added",
  "jumpcloud.association.removed",
  "jumpcloud.system.locked",
  "jumpcloud.system.restarted",
  "jumpcloud.system.shut_down",
  "jumpcloud.system.erased",
  "jumpcloud.mdm_device.locked",
  "jumpcloud.mdm_device.restarted",
  "jumpcloud.mdm_device.shut_down",
  "jumpcloud.mdm_device.erased",
  "jumpcloud.mdm_device.activation_lock_cleared",
  "jumpcloud.mdm_device.activation_lock_refreshed",
  "jumpcloud.mdm_device.os_update_status_requested",
  "jumpcloud.mdm_device.os_update_scheduled",
  "jumpcloud.mdm.dep_devices_refreshed",
  "jumpcloud.bulk.users_unlocked",
  "jumpcloud.bulk.passwords_expired",
  "jumpcloud.bulk.states_scheduled",
  "jumpcloud.bulk.states_cancelled",
  "jumpcloud.bulk.users_created",
  "jumpcloud.bulk_job.results_read",
  "jumpcloud.lookup_read",
] as const;

/** A change a sync found that nobody made here: `<vendor>.<resource>.changed_externally`. */
export type DriftAction = `${VendorId}.${string}.changed_externally`;

export type AuditAction = (typeof AUDIT_ACTIONS)[number] | DriftAction;

/** Names events were once recorded under, and the name each has now. */
export const FORMER_ACTIONS = {
  // Bulk RDP-over-UDP rows were briefly audited under these names (before 825f62e).
  "trugrid.udp.turned_on": "trugrid.udp.enabled",
  "trugrid.udp.turned_off": "trugrid.udp.disabled",
} as const satisfies Record<string, AuditAction>;

export type FormerAction = keyof typeof FORMER_ACTIONS;

const KNOWN = new Set<string>(AUDIT_ACTIONS);

/** Whether a name read back from the log is one this console records (or a sync's drift name). */
export function isAuditAction(name: string): name is AuditAction {
  return KNOWN.has(name) || /^(trugrid|truu|twingate|jumpcloud)\.[a-z_]+\.changed_externally$/.test(name);
}
