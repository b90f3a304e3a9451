/**
 * A CPU profile of the bench portal's web server under load (issue 19, point 1: "measure where the
 * time goes first"). `BENCH_PROFILE=<folder> npm run bench` loads this file into the portal's
 * processes (NODE_OPTIONS=--import …, tests/bench/profile.ts); it does nothing outside the web
 * server's processes (lib/runtime/web-server.ts, and its workers when there are several).
 *
 * The bench sends SIGUSR2 just before a load it profiles and again just after it: the first starts
 * the inspector's sampling profiler in the process, the second stops it and writes
 * <BENCH_PROFILE_DIR>/<pid>-<time>.cpuprofile (Chrome DevTools' format; tests/bench/
 * profile-summary.ts sums it up). Node 20 refuses --cpu-prof in NODE_OPTIONS, hence the preload.
 */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import path from "node:path";

const folder = process.env.BENCH_PROFILE_DIR;
if (folder && process.argv.some((argument) => argument.endsWith("web-server.ts"))) {
  const session = new Session();
  session.connect();
  let isOn = false;
  process.on("SIGUSR2", () => {
    if (!isOn) {
      session.post("Profiler.enable");
      session.post("Profiler.setSamplingInterval", { interval: 250 });
      session.post("Profiler.start");
      isOn = true;
      return;
    }
    isOn = false;
    session.post("Profiler.stop", (error, result) => {
      if (!error) writeFileSync(path.join(folder, `${process.pid}-${Date.now()}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
