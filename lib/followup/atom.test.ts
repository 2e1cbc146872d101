import { describe, expect, it } from "vitest";
import { networkAtomFeed } from "./atom";
import type { PublicPost } from "./queries";

const post = (over: Partial<PublicPost>): PublicPost => ({
  id: "11111111-1111-4111-8111-111111111111",
  title: "Atelier à Tandil",
  bodyMd:
    "Des **apprentis** <script>alert(1)</script> ![Forge](/api/reseaux/images/0b9c1f3e-4b6a-4a55-9a1e-1f2d3c4b5a69)",
  shownAt: "2026-03-10T09:00:00.000Z",
  networkName: "RESACOOP",
  networkSlug: "resacoop",
  applicationId: null,
  projectTitle: null,
  newsIssueId: null,
  issueNumber: null,
  ...over,
});

describe("networkAtomFeed", () => {
  const xml = networkAtomFeed({
    origin: "https://cooperation.example",
    network: { slug: "resacoop", name: "RESACOOP & co" },
    issues: [
      {
        id: "i1",
        number: 12,
        title: "Résa'Clic",
        issueDate: "2026-03-12",
        posts: [post({ shownAt: "2026-03-12T08:00:00.000Z" })],
      },
    ],
    posts: [
      post({
        id: "22222222-2222-4222-8222-222222222222",
        applicationId: "a1",
        projectTitle: "Thiers – Tandil",
      }),
    ],
  });

  it("is an Atom feed with one entry per issue and per standalone page, newest first", () => {
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/,
    );
    const titles = [...xml.matchAll(/<entry>\s*<id>[^<]*<\/id>\s*<title>([^<]*)<\/title>/g)].map((m) => m[1]);
    expect(titles).toEqual([
      "RESACOOP &amp; co n° 12 — Résa&apos;Clic",
      "Atelier à Tandil (Thiers – Tandil)",
    ]);
    expect(xml).toContain("<updated>2026-03-12T08:00:00.000Z</updated>");
    expect(xml).toContain('href="https://cooperation.example/laureats/a1"');
  });

  it("carries sanitised, escaped HTML with absolute image URLs", () => {
    expect(xml).not.toContain("<script");
    expect(xml).not.toContain("alert");
    expect(xml).toContain("&lt;strong&gt;apprentis&lt;/strong&gt;");
    expect(xml).toContain("src=&quot;https://cooperation.example/api/reseaux/images/");
  });
});
