// Settings > Developer > Webhooks (owners and admins): the workspace's endpoints are read here and
// handed to the panel, which keeps them fresh. Members get a page that says why they cannot see it.
import { requireUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { loadPage } from "@/lib/ui/server/page-load";
import { listWebhookEndpoints } from "@/lib/webhooks/list";
import { NoWorkspace } from "@/components/no-workspace";
import { ServiceUnavailable } from "@/components/service-unavailable";
import { WebhooksPanel } from "@/components/webhooks/webhooks-panel";
import { WebhooksRefusal } from "@/components/webhooks/refusal";

export const metadata = { title: "Webhooks" };

const PATH = "/settings/developer/webhooks";

export default async function WebhooksPage() {
  const loaded = await loadPage(async () => {
    const actor = await requireUser(PATH);
    if (!actor.workspace) return { actor, endpoints: null, refusal: null };
    try {
      return { actor, endpoints: await listWebhookEndpoints(actor), refusal: null };
    } catch (error) {
      if (isAppError(error) && error.code === "forbidden") return { actor, endpoints: null, refusal: error.message };
      throw error;
    }
  });
  if (!loaded.ok) return <ServiceUnavailable message={loaded.message} retryHref={PATH} />;
  const { actor, endpoints, refusal } = loaded.data;
  if (!actor.workspace) return <NoWorkspace email={actor.email} />;
  if (refusal !== null) return <WebhooksRefusal reason={refusal} />;
  const renderedAt = new Date().getTime();
  return (
    <WebhooksPanel
      key={actor.workspace.id}
      workspace={{ id: actor.workspace.id, name: actor.workspace.name }}
      initial={endpoints!}
      renderedAt={renderedAt}
    />
  );
}
