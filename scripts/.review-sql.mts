import { openDatabase } from "../db/bootstrap";
import postgres from "postgres";
const handle = await openDatabase(() => {});
const sql = postgres(handle.url, { max: 1, onnotice: () => {} });
try {
  const q = process.argv[2] ?? "select 1";
  const t = Date.now();
  const rows = await sql.unsafe(q);
  console.log(JSON.stringify(rows, null, 1).slice(0, 6000));
  console.log(`${Date.now() - t} ms`);
} catch (e) { console.error("ERR", (e as Error).message); }
await sql.end(); await handle.stop();
