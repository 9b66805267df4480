// next/link without prefetching, the one Link of the app (ESLint refuses next/link elsewhere).
// Every page here is rendered per request for its user, and none has a loading boundary, so a
// prefetch could fetch no more than the layouts above a page; yet each link in view cost the server
// a render of those layouts (the session, the navigation), twice: opening the board fired 25 such
// requests, the plan and the desk 11 each. A click fetches the page it opens, as before.
import NextLink from "next/link";
import type { ComponentProps } from "react";

export default function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
