import type { Metadata } from "next";
import { PageContainer } from "@/components/ui/page-container";
import { allowOrForbid, requireUser } from "@/lib/auth/guards";
import { canAccessNetworkSpace } from "@/lib/authz/policy";

export const metadata: Metadata = { title: "Espace réseau" };

export default async function NetworkHomePage() {
  const user = await requireUser("/reseau");
  allowOrForbid(canAccessNetworkSpace(user));
  return (
    <PageContainer>
      <h1 className="text-3xl font-bold">Espace réseau</h1>
      <p className="mt-4">
        Réseau(x) : {user.networks.map((n) => n.slug).join(", ")}. Le suivi des lauréats arrive prochainement.
      </p>
    </PageContainer>
  );
}
