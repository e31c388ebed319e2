// One app process's daily schedule, firing every second for a while (the scheduler test runs two at
// once on one database). Prints one JSON line per fire; exits once its last fire has finished.
import { startLocalSchedule } from "@/lib/batch/local-schedule";
import { closePool, getPool } from "@/lib/db/pool";
import { providerFromEnv } from "@/lib/market-data/provider-from-env";

const [name = "process", seconds = "4"] = process.argv.slice(2);
const job = startLocalSchedule({
  pool: getPool(),
  provider: providerFromEnv(),
  pattern: "* * * * * *",
  claimedBy: name,
  onFire: (o) => console.log(JSON.stringify({ asOfDate: o.asOfDate, claimed: o.claimed, status: o.claimed ? o.summary.status : null })),
});
setTimeout(() => {
  job.stop();
  const done = setInterval(() => {
    if (job.isBusy()) return;
    clearInterval(done);
    void closePool().then(() => process.exit(0));
  }, 50);
}, Number(seconds) * 1000);
