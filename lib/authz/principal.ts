/**
 * The signed-in user as the policy sees them: identity, staff roles and
 * memberships, all read from the database on each request (never from a token).
 */
export type Principal = {
  id: string;
  email: string;
  name: string | null;
  isAdmin: boolean;
  isReviewer: boolean;
  /** Networks this user edits, with their région (INSEE code). */
  networks: { networkId: string; slug: string; regionCode: string }[];
  memberships: {
    organisationId: number;
    role: "manager" | "member";
    status: "pending" | "active";
  }[];
};

/** Anyone, signed in or not. */
export type Viewer = Principal | null;
