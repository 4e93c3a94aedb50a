/** The optional HTTPS listener: a certificate for loopback names, signed by a CA handed out as a file. */
import { execFile } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { request } from "node:https";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { startEmulator } from "../src/index.js";

const run = promisify(execFile);

function httpsGet(url: string, ca: string | undefined): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca, headers: { authorization: "Bearer t" } }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("https: true", () => {
  it("serves the same API over HTTPS to a client that trusts the handed-out CA", async () => {
    const emulator = await startEmulator({
      https: true,
      digitalocean: { token: "t", clusters: [{ engine: "pg" }] },
    });
    try {
      const [cluster] = emulator.state.digitalocean.listClusters();
      expect(emulator.httpsUrl).toMatch(/^https:\/\/localhost:\d+$/);
      expect(emulator.httpsPort).not.toBe(emulator.port);
      const ca = readFileSync(emulator.caCertPath!, "utf8");
      for (const base of [emulator.httpsUrl!, `https://127.0.0.1:${emulator.httpsPort}`]) {
        const res = await httpsGet(`${base}/v2/databases/${cluster!.id}/users`, ca);
        expect(res.status, base).toBe(200);
        expect(JSON.parse(res.body).users[0].name).toBe("doadmin");
      }
      // The same store is behind both listeners.
      expect(emulator.state.requests).toHaveLength(2);
    } finally {
      await emulator.close();
    }
  });

  it("is refused by a client that does not trust the CA", async () => {
    const emulator = await startEmulator({ https: true });
    try {
      await expect(httpsGet(`${emulator.httpsUrl}/v2/databases`, undefined)).rejects.toThrow(/certificate/i);
    } finally {
      await emulator.close();
    }
  });

  it("hands out a CA certificate that signed the server's, and no private key", async () => {
    const emulator = await startEmulator({ https: true });
    const path = emulator.caCertPath!;
    try {
      const pem = readFileSync(path, "utf8");
      expect(pem).not.toMatch(/PRIVATE KEY/);
      const ca = new X509Certificate(pem);
      expect(ca.ca).toBe(true);
    } finally {
      await emulator.close();
    }
    expect(existsSync(path)).toBe(false);
  });

  it("works for another runtime through SSL_CERT_FILE (python3's urllib)", async () => {
    const emulator = await startEmulator({
      https: true,
      digitalocean: { token: "t", clusters: [{ engine: "mysql" }] },
    });
    try {
      const [cluster] = emulator.state.digitalocean.listClusters();
      const script = [
        "import sys, urllib.request",
        "req = urllib.request.Request(sys.argv[1], headers={'Authorization': 'Bearer t'})",
        "print(urllib.request.urlopen(req).status)",
      ].join("\n");
      const { stdout } = await run(
        "python3",
        ["-c", script, `${emulator.httpsUrl}/v2/databases/${cluster!.id}/users`],
        {
          env: { ...process.env, SSL_CERT_FILE: emulator.caCertPath! },
        },
      );
      expect(stdout.trim()).toBe("200");
    } finally {
      await emulator.close();
    }
  });

  it("works for Node's own fetch through NODE_EXTRA_CA_CERTS", async () => {
    const emulator = await startEmulator({ https: true });
    try {
      const script = `fetch(process.argv[1]).then((r) => console.log(r.status))`;
      const { stdout } = await run(process.execPath, ["-e", script, `${emulator.httpsUrl}/v2/databases`], {
        env: { ...process.env, NODE_EXTRA_CA_CERTS: emulator.caCertPath! },
      });
      expect(stdout.trim()).toBe("401");
    } finally {
      await emulator.close();
    }
  });

  it("leaves HTTPS off by default", async () => {
    const emulator = await startEmulator();
    try {
      expect(emulator.httpsUrl).toBeUndefined();
      expect(emulator.caCertPath).toBeUndefined();
    } finally {
      await emulator.close();
    }
  });
});
