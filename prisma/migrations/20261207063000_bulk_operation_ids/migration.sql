-- Bulk jobs and runbook rows name their operation by the operation's one id (its audit action), not by the
-- ids bulk operations had before the catalogue (lib/operations/former-ids.ts still reads those on the way in).
CREATE TEMP TABLE "FormerBulkId" ("former" TEXT PRIMARY KEY, "id" TEXT NOT NULL) ON COMMIT DROP;
INSERT INTO "FormerBulkId" ("former", "id") VALUES
  ('trugrid.mfa_on', 'trugrid.mfa.turned_on'),
  ('trugrid.mfa_off', 'trugrid.mfa.turned_off'),
  ('trugrid.mfa_reset', 'trugrid.mfa.reset'),
  ('trugrid.udp_on', 'trugrid.udp.enabled'),
  ('trugrid.udp_off', 'trugrid.udp.disabled'),
  ('trugrid.machine_associations', 'trugrid.machine_association.set'),
  ('offboarding.trugrid_association_remove', 'trugrid.machine_association.removed'),
  ('trugrid.assignments', 'trugrid.assignment.created'),
  ('truu.delete_devices', 'truu.device.deleted'),
  ('truu.delete_users', 'truu.user.deleted'),
  ('twingate.user_state', 'twingate.user.state_changed'),
  ('twingate.user_role', 'twingate.user.role_changed'),
  ('twingate.device_block', 'twingate.device.blocked'),
  ('twingate.device_unblock', 'twingate.device.unblocked'),
  ('twingate.device_archive', 'twingate.device.archived'),
  ('twingate.device_trust', 'twingate.device.trusted'),
  ('twingate.group_add', 'twingate.group.members_added'),
  ('twingate.group_remove', 'twingate.group.members_removed'),
  ('jumpcloud.suspend', 'jumpcloud.user.suspended'),
  ('jumpcloud.reactivate', 'jumpcloud.user.reactivated'),
  ('jumpcloud.unlock', 'jumpcloud.user.unlocked'),
  ('jumpcloud.reset_mfa', 'jumpcloud.user.mfa_reset'),
  ('jumpcloud.expire_password', 'jumpcloud.user.password_expired'),
  ('jumpcloud.group_add', 'jumpcloud.group.member_added'),
  ('jumpcloud.group_remove', 'jumpcloud.group.member_removed'),
  ('jumpcloud.create_users', 'jumpcloud.user.created'),
  ('jumpcloud.system_add', 'jumpcloud.association.added'),
  ('jumpcloud.system_remove', 'jumpcloud.association.removed'),
  ('offboarding.jumpcloud_group_remove', 'jumpcloud.group.member_removed');
UPDATE "BulkJob" j SET "operation" = f."id" FROM "FormerBulkId" f WHERE j."operation" = f."former";
UPDATE "BulkRow" r SET "operation" = f."id" FROM "FormerBulkId" f WHERE r."operation" = f."former";
