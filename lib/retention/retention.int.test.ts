import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applications,
  calls,
  decisions,
  emailOutbox,
  foreignPartners,
  memberships,
  organisations,
  participants,
  rateLimits,
  sessions,
  userRoles,
  users,
  verificationTokens,
} from "@/db/schema";
import { testDb } from "@/db/testing/database";
import { anonymisedEmail, applyRetention, DEFAULT_RETENTION, retentionPolicy } from "./retention";

const { db, close } = testDb();
afterAll(close);

const DAY = 86_400_000;
const now = new Date();
const ago = (days: number) => new Date(now.getTime() - days * DAY);
const TAG = `retention-${Date.now().toString(36)}`;

const ids = {
  oldApp: "",
  recentApp: "",
  oldUser: "",
  recentUser: "",
  oldStaff: "",
  neverSignedIn: "",
  oldMail: 0,
  recentMail: 0,
  pendingMail: 0,
};

async function callClosedAgo(label: string, days: number) {
  const [call] = await db
    .insert(calls)
    .values({
      slug: `${TAG}-${label}`,
      code: label.toUpperCase().slice(0, 3),
      year: 2000,
      title: `Appel ${label}`,
      opensAt: ago(days + 60),
      closesAt: ago(days),
      maxGrantCents: 100_000_00,
      maxSharePercent: 50,
      envelopeCents: 1_000_000_00,
      resultsPublishedAt: ago(days - 30),
    })
    .returning({ id: calls.id });
  return call?.id as string;
}

beforeAll(async () => {
  const [org] = await db.select({ id: organisations.id }).from(organisations).limit(1);
  const user = async (label: string, lastSignInAt: Date | null, createdAt: Date) => {
    const [row] = await db
      .insert(users)
      .values({ email: `${TAG}-${label}@exemple.fr`, name: `Agent ${label}`, lastSignInAt, createdAt })
      .returning({ id: users.id });
    return row?.id as string;
  };
  ids.oldUser = await user("ancien", ago(4 * 365), ago(5 * 365));
  ids.recentUser = await user("recent", ago(30), ago(5 * 365));
  ids.oldStaff = await user("agent-ministere", ago(4 * 365), ago(5 * 365));
  ids.neverSignedIn = await user("jamais", null, ago(4 * 365));
  await db.insert(userRoles).values({ userId: ids.oldStaff, role: "admin" });
  await db.insert(memberships).values([
    { userId: ids.oldUser, organisationId: org?.id as number, role: "manager", status: "active" },
    { userId: ids.recentUser, organisationId: org?.id as number, role: "manager", status: "active" },
  ]);
  await db.insert(sessions).values([
    { sessionToken: `${TAG}-old-user`, userId: ids.oldUser, expires: new Date(now.getTime() + DAY) },
    { sessionToken: `${TAG}-expired`, userId: ids.recentUser, expires: ago(2) },
    { sessionToken: `${TAG}-valid`, userId: ids.recentUser, expires: new Date(now.getTime() + DAY) },
  ]);
  await db.insert(verificationTokens).values([
    { identifier: `${TAG}-a@exemple.fr`, token: `${TAG}-expired`, expires: ago(1) },
    { identifier: `${TAG}-b@exemple.fr`, token: `${TAG}-valid`, expires: new Date(now.getTime() + 600_000) },
  ]);
  await db.insert(rateLimits).values([
    { key: `${TAG}:old`, windowStart: ago(2), count: 3 },
    { key: `${TAG}:now`, windowStart: now, count: 1 },
  ]);

  const oldCall = await callClosedAgo("ancien", 11 * 365);
  const recentCall = await callClosedAgo("recent", 365);
  let seq = 0;
  const [partner] = await db
    .insert(foreignPartners)
    .values({ name: `${TAG} Pristina`, kind: "municipality", countryCode: "XK", isFictitious: false })
    .returning({ id: foreignPartners.id });
  const application = async (callId: string) => {
    const [row] = await db
      .insert(applications)
      .values({
        callId,
        leadOrganisationId: org?.id as number,
        title: `${TAG} lauréat`,
        status: "accepted",
        isFictitious: false,
        requestedAmountCents: 1_000_000,
        submittedAt: ago(11 * 365),
        receiptNumber: `${TAG}-${++seq}`,
      })
      .returning({ id: applications.id });
    const id = row?.id as string;
    await db.insert(participants).values({
      applicationId: id,
      role: "foreign_partner",
      foreignPartnerId: partner?.id,
      contactName: "Ana Kovač",
      contactEmail: "ana.kovac@exemple.org",
    });
    await db.insert(decisions).values({
      applicationId: id,
      outcome: "accepted",
      grantedAmountCents: 800_000,
      decidedAt: ago(11 * 365),
    });
    return id;
  };
  ids.oldApp = await application(oldCall);
  ids.recentApp = await application(recentCall);

  const mail = async (status: "sent" | "pending", sentAt: Date | null, createdAt: Date) => {
    const [row] = await db
      .insert(emailOutbox)
      .values({
        toAddress: `${TAG}@exemple.fr`,
        subject: "Accusé de réception",
        textBody: "Bonjour Ana Kovač, votre dossier…",
        htmlBody: "<p>Bonjour Ana Kovač</p>",
        template: "receipt",
        status,
        sentAt,
        createdAt,
      })
      .returning({ id: emailOutbox.id });
    return row?.id as number;
  };
  ids.oldMail = await mail("sent", ago(100), ago(100));
  ids.recentMail = await mail("sent", ago(10), ago(10));
  ids.pendingMail = await mail("pending", null, ago(100));
});

describe("retention policy", () => {
  it("reads durations from the environment and refuses nonsense", () => {
    expect(retentionPolicy({})).toEqual(DEFAULT_RETENTION);
    expect(retentionPolicy({ RETENTION_SENT_EMAIL_BODIES_DAYS: "30" }).sentEmailBodiesDays).toBe(30);
    expect(() => retentionPolicy({ RETENTION_INACTIVE_ACCOUNTS_DAYS: "-1" })).toThrow(/RETENTION_/);
    expect(() => retentionPolicy({ RETENTION_INACTIVE_ACCOUNTS_DAYS: "trois ans" })).toThrow();
  });
});

describe("the retention job", () => {
  it("deletes or anonymises what is past its limit, keeps the rest and the published results", async () => {
    const result = await applyRetention(db, DEFAULT_RETENTION, now);
    expect(result.applicationContacts).toBeGreaterThanOrEqual(1);
    expect(result.accounts).toBeGreaterThanOrEqual(2);

    // Contacts of an application of a call closed 11 years ago are gone; 1 year ago, kept.
    const contacts = await db
      .select({
        app: participants.applicationId,
        name: participants.contactName,
        email: participants.contactEmail,
      })
      .from(participants)
      .where(inArray(participants.applicationId, [ids.oldApp, ids.recentApp]));
    expect(contacts.find((c) => c.app === ids.oldApp)).toMatchObject({ name: null, email: null });
    expect(contacts.find((c) => c.app === ids.recentApp)).toMatchObject({
      name: "Ana Kovač",
      email: "ana.kovac@exemple.org",
    });
    // The published laureate stays as published: title, organisation, amounts, decision.
    const [old] = await db.select().from(applications).where(eq(applications.id, ids.oldApp));
    expect(old).toMatchObject({
      title: `${TAG} lauréat`,
      status: "accepted",
      requestedAmountCents: 1_000_000,
    });
    const [decision] = await db.select().from(decisions).where(eq(decisions.applicationId, ids.oldApp));
    expect(decision?.grantedAmountCents).toBe(800_000);

    // Accounts: inactive for 4 years (or never signed in for 4 years) anonymised, with
    // their sessions and memberships; recent and staff accounts untouched.
    const people = await db
      .select()
      .from(users)
      .where(inArray(users.id, [ids.oldUser, ids.recentUser, ids.oldStaff, ids.neverSignedIn]));
    const person = (id: string) => people.find((p) => p.id === id);
    expect(person(ids.oldUser)).toMatchObject({ email: anonymisedEmail(ids.oldUser), name: null });
    expect(person(ids.neverSignedIn)).toMatchObject({
      email: anonymisedEmail(ids.neverSignedIn),
      name: null,
    });
    expect(person(ids.recentUser)).toMatchObject({ email: `${TAG}-recent@exemple.fr`, name: "Agent recent" });
    expect(person(ids.oldStaff)).toMatchObject({ email: `${TAG}-agent-ministere@exemple.fr` });
    const members = await db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(inArray(memberships.userId, [ids.oldUser, ids.recentUser]));
    expect(members.map((m) => m.userId)).toEqual([ids.recentUser]);

    const tokens = await db
      .select({ token: sessions.sessionToken })
      .from(sessions)
      .where(inArray(sessions.userId, [ids.oldUser, ids.recentUser]));
    expect(tokens.map((t) => t.token)).toEqual([`${TAG}-valid`]);
    const links = await db
      .select({ token: verificationTokens.token })
      .from(verificationTokens)
      .where(inArray(verificationTokens.token, [`${TAG}-expired`, `${TAG}-valid`]));
    expect(links.map((l) => l.token)).toEqual([`${TAG}-valid`]);
    const limits = await db
      .select({ key: rateLimits.key })
      .from(rateLimits)
      .where(inArray(rateLimits.key, [`${TAG}:old`, `${TAG}:now`]));
    expect(limits.map((l) => l.key)).toEqual([`${TAG}:now`]);

    // Sent e-mails: bodies blanked after 90 days; recent and not yet sent kept.
    const mails = await db
      .select()
      .from(emailOutbox)
      .where(inArray(emailOutbox.id, [ids.oldMail, ids.recentMail, ids.pendingMail]));
    const mail = (id: number) => mails.find((m) => m.id === id);
    expect(mail(ids.oldMail)).toMatchObject({ textBody: "", htmlBody: null, subject: "Accusé de réception" });
    expect(mail(ids.recentMail)?.textBody).toContain("Ana Kovač");
    expect(mail(ids.pendingMail)?.textBody).toContain("Ana Kovač");

    // A second run finds nothing more to do among these rows.
    const again = await applyRetention(db, DEFAULT_RETENTION, now);
    expect(again.applicationContacts).toBe(0);
    expect(again.emailBodies).toBe(0);
  });
});
