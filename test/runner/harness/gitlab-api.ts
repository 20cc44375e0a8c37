import * as http from "node:http";
import type { AddressInfo } from "node:net";

/** One request the runner made, as the stand-in received it. */
export interface ApiRequest {
  method: string;
  /** Path without the query, e.g. /api/v4/jobs/request. */
  path: string;
  /** The `Runner-Token` or `Job-Token` header, whichever came. */
  tokenHeader?: string;
  body: Record<string, unknown>;
  /** Raw body of trace patches. */
  text: string;
  at: number;
}

export interface JobState {
  states: string[];
  trace: string;
}

/**
 * A stand-in for the parts of GitLab's runner API that `gitlab-runner run` and `verify` use (network/gitlab.go of
 * v19.3.0): POST /api/v4/runners/verify, POST /api/v4/jobs/request (201 with a job, 204 without, 403 for another
 * token), PUT /api/v4/jobs/:id (the job's state) and PATCH /api/v4/jobs/:id/trace (its log). Listens on 127.0.0.1.
 */
export class StandInGitLab {
  readonly requests: ApiRequest[] = [];
  readonly jobs = new Map<number, JobState>();
  private readonly queue: Record<string, unknown>[] = [];
  private readonly server = http.createServer((req, res) => this.handle(req, res));

  constructor(private readonly runnerToken: string) {}

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return this.url;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** The next jobs/request with the runner's token gets this job. */
  serveJob(job: Record<string, unknown>): void {
    this.queue.push(job);
    this.jobs.set(job.id as number, { states: [], trace: "" });
  }

  requestsTo(path: string): ApiRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const path = (req.url ?? "").split("?")[0];
      const header = req.headers["runner-token"] ?? req.headers["job-token"];
      const request: ApiRequest = {
        method: req.method ?? "",
        path,
        tokenHeader: Array.isArray(header) ? header[0] : header,
        body: parseJson(text),
        text,
        at: Date.now(),
      };
      this.requests.push(request);
      this.respond(request, res);
    });
  }

  private respond(request: ApiRequest, res: http.ServerResponse): void {
    const json = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "Content-Type": "application/json", ...headers });
      res.end(body === undefined ? "" : JSON.stringify(body));
    };
    const jobMatch = /^\/api\/v4\/jobs\/(\d+)(\/trace)?$/.exec(request.path);
    if (request.method === "POST" && request.path === "/api/v4/runners/verify") {
      return request.body.token === this.runnerToken
        ? json(200, { id: 1, token: this.runnerToken, token_expires_at: null })
        : json(403, { message: "403 Forbidden" });
    }
    if (request.method === "POST" && request.path === "/api/v4/jobs/request") {
      if (request.body.token !== this.runnerToken) return json(403, { message: "403 Forbidden" });
      const job = this.queue.shift();
      return job ? json(201, job) : json(204);
    }
    if (jobMatch && request.method === "PUT") {
      this.jobs.get(Number(jobMatch[1]))?.states.push(String(request.body.state));
      return json(200, {}, { "Job-Status": String(request.body.state ?? "running") });
    }
    if (jobMatch && request.method === "PATCH") {
      const job = this.jobs.get(Number(jobMatch[1]));
      if (job) job.trace += request.text;
      const end = job ? job.trace.length - 1 : 0;
      return json(
        202,
        {},
        { Range: `0-${end}`, "Job-Status": "running", "X-GitLab-Trace-Update-Interval": "1" },
      );
    }
    json(404, { message: "404 Not Found" });
  }
}

function parseJson(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** A job the shell executor runs: no repository to clone (GIT_STRATEGY none), one script step. */
export function shellJob(id: number, script: string[]): Record<string, unknown> {
  return {
    id,
    token: `job-token-${id}`,
    allow_git_fetch: false,
    job_info: { id, name: "drain-check", stage: "test", project_id: 1, project_name: "demo" },
    git_info: {
      repo_url: "http://127.0.0.1/demo/demo.git",
      ref: "main",
      sha: "0123456789abcdef0123456789abcdef01234567",
      before_sha: "0000000000000000000000000000000000000000",
      ref_type: "branch",
      refspecs: [],
      depth: 0,
    },
    runner_info: { timeout: 600 },
    variables: [
      { key: "GIT_STRATEGY", value: "none", public: true },
      { key: "CI_JOB_TOKEN", value: `job-token-${id}`, public: false, masked: true },
    ],
    steps: [{ name: "script", script, timeout: 600, when: "on_success", allow_failure: false }],
    image: { name: "" },
    services: [],
    artifacts: [],
    cache: [],
    credentials: [],
    dependencies: [],
    features: { trace_sections: true },
  };
}
