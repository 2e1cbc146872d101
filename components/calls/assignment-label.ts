/** How an application is named on the assignment page: its receipt number first, once it has one. */
export function applicationLabel(application: { receiptNumber: string | null; title: string }) {
  return application.receiptNumber
    ? `${application.receiptNumber} — ${application.title}`
    : application.title;
}
