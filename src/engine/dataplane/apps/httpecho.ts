/**
 * hashicorp/http-echo (github.com/hashicorp/http-echo, main.go and handlers.go): answers every
 * path with the `-text` (or ECHO_TEXT) and a newline, with `-status-code` (default 200), on
 * `-listen` (default `:5678`); `/health` answers `{"status":"ok"}`. Every answer carries
 * X-App-Name and X-App-Version. Without a text the program exits (status 127): nothing listens.
 */
import type { ContainerApp, HttpResponse } from './http';
import { flagArgs, goFlags, goSniff, pathOnly, portOf } from './golang';

function versionOf(tag: string | undefined): string {
  const m = /^v?(\d+\.\d+)(\.\d+)?$/.exec(tag ?? '');
  return m ? `${m[1]}${m[2] ?? '.0'}` : '1.0.0';
}

export function httpEcho(tag: string | undefined, argv: readonly string[], env: Readonly<Record<string, string>>): ContainerApp {
  const flags = goFlags(flagArgs(argv), ['version']);
  const text = flags.get('text') || env.ECHO_TEXT || '';
  const port = portOf(flags.get('listen') ?? ':5678');
  const status = Number(flags.get('status-code') ?? 200) || 200;
  const appHeaders = { 'X-App-Name': 'http-echo', 'X-App-Version': versionOf(tag) };
  return {
    kind: 'http-echo',
    listens: text && port ? [{ port, protocol: 'TCP' }] : [],
    handle(req): HttpResponse {
      if (pathOnly(req.path) === '/health') {
        const body = '{"status":"ok"}\n';
        return { status: 200, headers: { ...appHeaders, ...goSniff(body) }, body };
      }
      const body = `${text}\n`;
      return { status, headers: { ...appHeaders, ...goSniff(body) }, body };
    },
  };
}
