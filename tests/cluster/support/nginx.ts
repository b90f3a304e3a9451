/**
 * Debian's nginx as the cluster's load balancer, run as the current user with a prefix, config,
 * pid file, logs and temp folders of its own (no root, no system config). It terminates TLS with
 * a certificate made at start, spreads requests round robin over the instances, sets
 * X-Forwarded-For as a real proxy does (the client's address appended to what came in), and
 * moves a request on to the next instance when one refuses the connection or answers 502.
 *
 * It connects to the instances from 127.0.0.2 (proxy_bind), so the instances can tell the proxy
 * (127.0.0.2, TRUSTED_PROXIES) from the browser (127.0.0.1) although both are this machine.
 * The access log names the upstream of every request, so the run shows which instance served it.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { accessSync, constants, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The address nginx connects to the instances from: what TRUSTED_PROXIES names. */
export const PROXY_ADDRESS = "127.0.0.2";

export function findNginx(): string {
  for (const candidate of [...(process.env.PATH ?? "").split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, "nginx")), "/usr/sbin/nginx"]) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  throw new Error("nginx is not installed: the cluster test needs Debian's nginx as its load balancer (apt-get install nginx-light; .ci/run does it in CI)");
}

/** A self-signed certificate for localhost, valid for a day, made with the openssl command. */
export function makeCertificate(directory: string): { certificate: string; key: string } {
  const certificate = path.join(directory, "localhost.crt");
  const key = path.join(directory, "localhost.key");
  const result = spawnSync(
    "openssl",
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out", certificate],
    { encoding: "utf8" },
  );
  if (result.error || result.status !== 0) throw new Error(`openssl could not make the test certificate: ${result.error?.message ?? result.stderr}`);
  return { certificate, key };
}

export function nginxConfig(options: { directory: string; port: number; upstreams: number[]; certificate: string; key: string; accessLog: string }): string {
  const { directory } = options;
  const temp = (name: string) => path.join(directory, "temp", name);
  return `# The cluster test's load balancer (tests/cluster/support/nginx.ts).
${process.getuid?.() === 0 ? "user root root;\n" : ""}worker_processes 1;
daemon off;
pid ${path.join(directory, "nginx.pid")};
error_log ${path.join(directory, "error.log")} warn;
events { worker_connections 512; }
http {
  log_format cluster '$remote_addr "$request" $status upstream=$upstream_addr';
  access_log ${options.accessLog} cluster;
  client_body_temp_path ${temp("body")};
  proxy_temp_path ${temp("proxy")};
  fastcgi_temp_path ${temp("fastcgi")};
  uwsgi_temp_path ${temp("uwsgi")};
  scgi_temp_path ${temp("scgi")};
  # Round robin (nginx's default). One refused connection takes an instance out for 10 s.
  upstream portal {
${options.upstreams.map((port) => `    server 127.0.0.1:${port} max_fails=1 fail_timeout=10s;`).join("\n")}
  }
  server {
    listen 127.0.0.1:${options.port} ssl;
    server_name localhost;
    ssl_certificate ${options.certificate};
    ssl_certificate_key ${options.key};
    client_max_body_size 60m;
    location / {
      proxy_pass http://portal;
      proxy_bind ${PROXY_ADDRESS};
      proxy_http_version 1.1;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_set_header Connection "";
      # A stopped instance refuses the connection: the request goes to the other one. A request
      # already sent is not sent again (no non_idempotent), as a real balancer does.
      proxy_next_upstream error timeout http_502;
      proxy_next_upstream_tries 2;
      proxy_connect_timeout 2s;
      proxy_read_timeout 120s;
      # Pages stream (React server components): passed on as they come.
      proxy_buffering off;
    }
  }
}
`;
}

export type RunningNginx = { stop: () => Promise<void> };

export async function startNginx(options: Parameters<typeof nginxConfig>[0]): Promise<RunningNginx> {
  const nginx = findNginx();
  for (const name of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(path.join(options.directory, "temp", name), { recursive: true });
  const config = path.join(options.directory, "nginx.conf");
  writeFileSync(config, nginxConfig(options));
  const errorLog = path.join(options.directory, "error.log");
  // -e: the error log before the config is read (else nginx tries /var/log/nginx first).
  const test = spawnSync(nginx, ["-t", "-p", options.directory, "-e", errorLog, "-c", config], { encoding: "utf8" });
  if (test.status !== 0) throw new Error(`nginx refused its configuration:\n${test.stderr}`);
  const child: ChildProcess = spawn(nginx, ["-p", options.directory, "-e", errorLog, "-c", config], { stdio: ["ignore", "ignore", "pipe"] });
  let errors = "";
  child.stderr?.on("data", (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await waitForListening(options.port, child, () => errors);
  return {
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // SIGQUIT: graceful (finish requests in flight); SIGKILL if it has not gone in 5 s.
      child.kill("SIGQUIT");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function waitForListening(port: number, child: ChildProcess, errors: () => string): Promise<void> {
  const { connect } = await import("node:net");
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx stopped while starting (exit ${child.exitCode}): ${errors()}`);
    const isUp = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1", () => (socket.end(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (isUp) return;
    if (Date.now() > deadline) throw new Error(`nginx did not listen on ${port} within 10 s: ${errors()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Requests per upstream in the access log ("127.0.0.1:3301" → count); a failover line names both. */
export function requestsPerUpstream(accessLog: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of accessLog.split("\n")) {
    const upstreams = line.match(/upstream=(.+)$/)?.[1];
    if (!upstreams || upstreams === "-") continue;
    // "a, b": the first refused, the second served.
    const served = upstreams.split(/[,:]\s+/).at(-1)!.trim();
    counts.set(served, (counts.get(served) ?? 0) + 1);
  }
  return counts;
}
