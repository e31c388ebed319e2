// Prints a free TCP port in 3100–3999 (the e2e server's; its embedded-database fallback adds 51000).
import net from "node:net";

const tryPort = (port) =>
  new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });

for (let i = 0; i < 200; i++) {
  const port = 3100 + Math.floor(Math.random() * 900);
  if (await tryPort(port)) {
    console.log(port);
    process.exit(0);
  }
}
throw new Error("no free port in 3100–3999");
