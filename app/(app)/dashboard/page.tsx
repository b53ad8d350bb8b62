import type { Metadata } from "next";
import { ExpertDashboard } from "@/components/dashboards/ExpertDashboard";
import { ProviderDashboard } from "@/components/dashboards/ProviderDashboard";
import { ReviewerDashboard } from "@/components/dashboards/ReviewerDashboard";
import { StaffDashboard } from "@/components/dashboards/StaffDashboard";
import { PageHeading } from "@/components/ui";
import { ToDoList } from "@/components/dashboards/ToDoList";
import { WorkQueue } from "@/components/dashboards/WorkQueue";
import { requireUser } from "@/lib/auth/session";
import { workItems } from "@/lib/data/dashboard";
import { toDoList } from "@/lib/data/to-do";
import { ROLE_LABELS } from "@/lib/workflow";

export const metadata: Metadata = { title: "Dashboard" };

const DASHBOARDS = {
  CENTRE_STAFF: StaffDashboard,
  EXPERT: ExpertDashboard,
  PROVIDER: ProviderDashboard,
  REVIEWER: ReviewerDashboard,
} as const;

const INTRO = {
  CENTRE_STAFF: "Set priorities, commission specifications, run endorsement review, approve delivery and keep credentials current.",
  EXPERT: "Respond to commissions and draft credential specifications for your expert group.",
  PROVIDER: "Deliver endorsed credentials: delivery plans, annual returns, quality actions and impact returns for your organisation.",
  REVIEWER:
    "Assess candidate credential specifications against the endorsement criteria and record quality-review findings where you are assigned.",
} as const;

export default async function DashboardPage() {
  const user = await requireUser();
  const Dashboard = DASHBOARDS[user.role];
  const caption = [ROLE_LABELS[user.role], user.organisationName].filter(Boolean).join(" · ");
  const [toDo, work] = await Promise.all([toDoList(user), workItems(user)]);
  return (
    <>
      <PageHeading caption={caption} title={`${ROLE_LABELS[user.role]} dashboard`} />
      <p className="mb-8 max-w-3xl text-lg">{INTRO[user.role]}</p>
      <ToDoList items={toDo} />
      <WorkQueue items={work} />
      <Dashboard user={user} />
    </>
  );
}
