import Link from "next/link";
import type { TodoItem } from "@/lib/applications/todo";

const KIND_LABELS: Record<TodoItem["kind"], string> = {
  answer: "Demande de compléments",
  draft: "Brouillon",
  decision: "Décision",
};

/** « À faire »: what waits for the user, first on their space's pages. */
export function TodoList({ items }: { items: readonly TodoItem[] }) {
  return (
    <section aria-labelledby="a-faire" className="mt-6 border-l-4 border-blue-france bg-blue-france-50 p-4">
      <h2 id="a-faire" className="text-2xl font-bold">
        À faire
      </h2>
      {items.length === 0 ? (
        <p className="mt-2">Rien ne vous attend pour l’instant.</p>
      ) : (
        <ul className="mt-3 flex flex-col gap-3" data-testid="todo-list">
          {items.map((item) => (
            <li key={`${item.kind}-${item.applicationId}`}>
              <span className="block text-sm font-medium text-grey-800">{KIND_LABELS[item.kind]}</span>
              <Link href={item.href} className="font-bold">
                {item.label}
              </Link>
              <span className="block text-sm text-grey-800">{item.detail}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
