import { describe, expect, it } from "vitest";
import examples from "./fixtures/seed-examples.json";
import {
  AssetsPage,
  DataUsersPage,
  DomainUser,
  EnrolledUsersPage,
  SystemDevice,
  SystemDevicesPage,
  TokenResponse,
} from "./schemas";

// The JSON examples of TruU's User Management API guide, verbatim but for the "…" elisions.
describe("TruU's documented examples parse", () => {
  it("token response", () => {
    expect(TokenResponse.parse(examples.tokenResponse).expires_in).toBe(7199);
  });

  it("enrolled users pages", () => {
    for (const page of [
      examples.enrolledUsersSmall,
      examples.enrolledUsersPage1,
      examples.enrolledUsersPage2,
      examples.enrolledUsersByEmail,
    ]) {
      expect(EnrolledUsersPage.parse(page).pageSize).toBe(100);
    }
    expect(EnrolledUsersPage.parse(examples.enrolledUsersPage1).next).toBe(2);
    expect(EnrolledUsersPage.parse(examples.enrolledUsersByEmail).results[1]!.displayName).toBe("User Name - Admin");
  });

  it("system devices page, one device, a deleted device", () => {
    const page = SystemDevicesPage.parse(examples.devicesPage);
    expect(page).toMatchObject({ final: 33, pageSize: 25, count: 825 });
    expect(page.results[0]!.lastHeardFrom).toBe(1705327828000);
    expect(SystemDevice.parse(examples.userDevice).active).toBe(true);
    expect(SystemDevice.parse(examples.deletedUserDevice)).toMatchObject({ active: false, type: "ANDROID" });
  });

  it("domain user", () => {
    expect(DomainUser.parse(examples.domainUser).domain.name).toBe("Tenant Name");
  });

  it("data users and assets", () => {
    const users = DataUsersPage.parse(examples.dataUsersByGuids);
    expect(users.results[0]!.devices[0]).toMatchObject({
      lastHeardFrom: "2024-03-18T14:54:37.231000Z",
      assuranceLevel: 100,
    });
    const assets = AssetsPage.parse(examples.assetsByIpAddresses);
    expect(assets.results[0]).toMatchObject({ type: "MAC_AGENT", lastHeardFrom: null, devices: [] });
    expect(assets.results[1]!.hardware?.manufacturer).toBeUndefined();
    expect(assets.results[1]!.devices[2]!.user.displayName).toBe("Mary Diaz");
  });

  it("rejects a system device whose lastHeardFrom is a string", () => {
    expect(SystemDevice.safeParse({ ...examples.userDevice, lastHeardFrom: "2024-01-15T14:10:28Z" }).success).toBe(
      false,
    );
  });
});
