import { headers } from "next/headers";
export default async function Page() {
  const h = await headers();
  return (<main><h1>Bare page</h1><p>{h.get("user-agent")?.length ?? 0}</p><ul>{Array.from({ length: 10 }, (_, i) => <li key={i}>row {i}</li>)}</ul></main>);
}
