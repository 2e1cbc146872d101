// Auth.js endpoints (sign-in, callbacks, sign-out, session). Public on purpose: they authenticate.
export { GET, POST } from "@/lib/auth/handlers";
