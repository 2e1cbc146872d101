import type { Metadata } from "next";
import { PageContainer } from "@/components/ui/page-container";
import { allowOrForbid, requireUser } from "@/lib/auth/guards";
import { canAccessReviewSpace } from "@/lib/authz/policy";

export const metadata: Metadata = { title: "Instruction" };

export default async function ReviewHomePage() {
  const user = await requireUser("/instruction");
  allowOrForbid(canAccessReviewSpace(user));
  return (
    <PageContainer>
      <h1 className="text-3xl font-bold">Instruction des dossiers</h1>
      <p className="mt-4">
        Bienvenue {user.name ?? user.email}. Le tableau d’instruction arrive prochainement.
      </p>
    </PageContainer>
  );
}
