import { z } from "zod";

// Response schemas for the fields the console reads. Objects are loose
// (unknown keys pass through) because JumpCloud adds fields over time.

export const MFA_STATUSES = [
  "NOT_ENROLLED",
  "DISABLED",
  "PENDING_ACTIVATION",
  "ENROLLMENT_EXPIRED",
  "IN_ENROLLMENT",
  "PRE_ENROLLMENT",
  "ENROLLED",
] as const;
export const MfaEnrollmentStatus = z.enum(MFA_STATUSES);

export const UserState = z.enum(["STAGED", "ACTIVATED", "SUSPENDED"]);
export type UserState = z.infer<typeof UserState>;

export const SystemUser = z.looseObject({
  _id: z.string(),
  username: z.string().optional(),
  email: z.string().optional(),
  firstname: z.string().optional(),
  lastname: z.string().optional(),
  displayname: z.string().optional(),
  state: UserState.optional(),
  activated: z.boolean().optional(),
  suspended: z.boolean().optional(),
  account_locked: z.boolean().optional(),
  account_locked_date: z.string().nullable().optional(),
  badLoginAttempts: z.number().optional(),
  password_expired: z.boolean().optional(),
  password_expiration_date: z.string().nullable().optional(),
  password_never_expires: z.boolean().optional(),
  totp_enabled: z.boolean().optional(),
  enable_user_portal_multifactor: z.boolean().optional(),
  department: z.string().optional(),
  jobTitle: z.string().optional(),
  manager: z.string().nullable().optional(),
  mfa: z
    .looseObject({
      configured: z.boolean().optional(),
      exclusion: z.boolean().optional(),
      exclusionDays: z.number().optional(),
      exclusionUntil: z.string().nullable().optional(),
    })
    .optional(),
  mfaEnrollment: z
    .looseObject({
      overallStatus: MfaEnrollmentStatus.optional(),
      totpStatus: MfaEnrollmentStatus.optional(),
      webAuthnStatus: MfaEnrollmentStatus.optional(),
      pushStatus: MfaEnrollmentStatus.optional(),
    })
    .optional(),
  created: z.string().optional(),
  externally_managed: z.boolean().optional(),
});
export type SystemUser = z.infer<typeof SystemUser>;

export const System = z.looseObject({
  _id: z.string(),
  displayName: z.string().optional(),
  hostname: z.string().optional(),
  os: z.string().optional(),
  osFamily: z.string().optional(),
  version: z.string().optional(),
  serialNumber: z.string().optional(),
  active: z.boolean().optional(),
  lastContact: z.string().nullable().optional(),
  created: z.string().optional(),
  organization: z.string().optional(),
});
export type System = z.infer<typeof System>;

export const v1List = <T extends z.ZodType>(item: T) =>
  z.looseObject({ totalCount: z.number().int(), results: z.array(item) });
export const SystemUserList = v1List(SystemUser);
export const SystemList = v1List(System);

export const Group = z.looseObject({
  id: z.string(),
  name: z.string(),
  type: z.enum(["user_group", "system_group"]),
  description: z.string().optional(),
  email: z.string().optional(),
  attributes: z.record(z.string(), z.unknown()).nullable().optional(),
  membershipMethod: z.string().optional(),
  memberQuery: z.unknown().optional(),
});
export type Group = z.infer<typeof Group>;

export const GRAPH_TYPES = [
  "active_directory",
  "application",
  "command",
  "g_suite",
  "ldap_server",
  "office_365",
  "policy",
  "policy_group",
  "radius_server",
  "system",
  "system_group",
  "user",
  "user_group",
] as const;
export const GraphType = z.enum(GRAPH_TYPES);
export type GraphType = z.infer<typeof GraphType>;

export const GraphObject = z.looseObject({
  id: z.string(),
  type: GraphType,
  attributes: z.record(z.string(), z.unknown()).nullable().optional(),
});

export const GraphConnection = z.looseObject({
  to: GraphObject,
  from: GraphObject.optional(),
  attributes: z.record(z.string(), z.unknown()).nullable().optional(),
});
export type GraphConnection = z.infer<typeof GraphConnection>;

export const GraphObjectWithPaths = z.looseObject({
  id: z.string(),
  type: GraphType,
  compiledAttributes: z.record(z.string(), z.unknown()).nullable().optional(),
  paths: z.array(z.array(GraphConnection)),
});
export type GraphObjectWithPaths = z.infer<typeof GraphObjectWithPaths>;

export const JobId = z.looseObject({ jobId: z.string() });

export const BulkJobResult = z.looseObject({
  id: z.string().optional(),
  status: z.string(),
  statusMsg: z.string().optional(),
  meta: z.unknown().optional(),
  persistedFields: z.unknown().optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
});
export type BulkJobResult = z.infer<typeof BulkJobResult>;

export const ScheduledUserState = z.looseObject({
  scheduledJobId: z.string(),
  systemUserId: z.string(),
  state: z.string(),
  scheduledDate: z.string(),
});
export type ScheduledUserState = z.infer<typeof ScheduledUserState>;
export const ScheduledUserStates = z.array(ScheduledUserState);

export const AppleMdm = z.looseObject({ id: z.string(), name: z.string().optional() });
export type AppleMdm = z.infer<typeof AppleMdm>;

export const AppleMdmDevice = z.looseObject({
  id: z.string(),
  serialNumber: z.string().optional(),
  deviceInformation: z.looseObject({ deviceName: z.string().optional() }).optional(),
  depRegistered: z.boolean().optional(),
  enrolled: z.boolean().optional(),
});
export type AppleMdmDevice = z.infer<typeof AppleMdmDevice>;

export const PushEndpoint = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  state: z.string().optional(),
  enrollmentDate: z.string().optional(),
  lastUsedDate: z.string().optional(),
  device: z
    .looseObject({ make: z.string().optional(), model: z.string().optional(), os: z.string().optional() })
    .optional(),
});
export type PushEndpoint = z.infer<typeof PushEndpoint>;
export const PushEndpointList = z.array(PushEndpoint);

/** The seed gives no response schema for these; tolerate any object. */
export const PushVerification = z.looseObject({ id: z.string().optional(), status: z.string().optional() });
export const AccessRequestCreated = z.looseObject({ id: z.string().optional() });
export const EmptyObject = z.looseObject({});

// Request bodies, used by the simulator to refuse malformed input and by the
// fixture test to check the seed's sample requests.

export const MemberOp = z.object({
  op: z.enum(["add", "remove"]),
  type: GraphType,
  id: z.string().min(1),
  attributes: z.record(z.string(), z.unknown()).optional(),
});
export type MemberOp = z.infer<typeof MemberOp>;

export const AssociationOp = z.object({
  op: z.enum(["add", "remove", "update"]),
  type: GraphType,
  id: z.string().min(1),
  attributes: z.record(z.string(), z.unknown()).optional(),
});
export type AssociationOp = z.infer<typeof AssociationOp>;

export const BulkUserCreate = z.looseObject({
  email: z.string(),
  username: z.string(),
  firstname: z.string().optional(),
  lastname: z.string().optional(),
  state: UserState.optional(),
  attributes: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
});
export type BulkUserCreate = z.infer<typeof BulkUserCreate>;

export const BulkUserStatesCreate = z.object({
  user_ids: z.array(z.string()).min(1),
  state: z.enum(["ACTIVATED", "SUSPENDED"]),
  start_date: z.string(),
  send_activation_emails: z.boolean().optional(),
  activation_email_override: z.string().optional(),
});
export type BulkUserStatesCreate = z.infer<typeof BulkUserStatesCreate>;

export const MdmPinBody = z.object({
  pin: z
    .string()
    .regex(/^[0-9]{6}$/)
    .optional(),
});
export const MdmRestartBody = z.object({ kextPaths: z.array(z.string()).optional() });
export const ScheduleOsUpdate = z.object({
  product_key: z.string(),
  install_action: z.string(),
  max_user_deferrals: z.number().int().optional(),
});
