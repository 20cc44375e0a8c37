import type { Dashboard } from "@grafana/schema";
import { buildDashboard } from "../../../../model/monitoring";
import { SPEC } from "../../../monitoring/alert-cases";

/**
 * Grafana's own types of the dashboard JSON model (@grafana/schema, the `Dashboard` kind): `npm run typecheck`
 * fails when the dashboard the model builds is not one.
 */
export const dashboardAsGrafanaTypesIt: Dashboard = buildDashboard(SPEC);
