import { z } from "../zod";
import { httpScheme, type KeyTable, port, stringList } from "./primitives";
import { section } from "./section";

export const httpHeaderSchema = z.strictObject({
  name: z.string().min(1, { error: "an HTTP header needs a name" }),
  value: z.string(),
});
export type HttpHeader = z.infer<typeof httpHeaderSchema>;
const HTTP_HEADER_KEYS: KeyTable<HttpHeader> = { name: "name", value: "value" };

export const httpGetSchema = z.strictObject({
  host: z.string().optional(),
  httpHeaders: z.array(httpHeaderSchema).optional(),
  path: z.string().optional(),
  port,
  scheme: httpScheme.optional(),
});
export type HttpGet = z.infer<typeof httpGetSchema>;
const HTTP_GET_KEYS: KeyTable<HttpGet> = {
  host: "host",
  httpHeaders: "http_headers",
  path: "path",
  port: "port",
  scheme: "scheme",
};

export const tcpSocketSchema = z.strictObject({ host: z.string().optional(), port });
export type TcpSocket = z.infer<typeof tcpSocketSchema>;
const TCP_SOCKET_KEYS: KeyTable<TcpSocket> = { host: "host", port: "port" };

export const execActionSchema = z.strictObject({
  command: stringList.min(1, { error: "give the command to run" }),
});
export type ExecAction = z.infer<typeof execActionSchema>;
const EXEC_ACTION_KEYS: KeyTable<ExecAction> = { command: "command" };

export const lifecycleHandlerSchema = z
  .strictObject({
    exec: execActionSchema.optional(),
    httpGet: httpGetSchema.optional(),
    tcpSocket: tcpSocketSchema.optional(),
  })
  .refine((h) => [h.exec, h.httpGet, h.tcpSocket].filter((a) => a !== undefined).length === 1, {
    error: "a lifecycle handler takes exactly one of exec, httpGet and tcpSocket",
  });
export type LifecycleHandler = z.infer<typeof lifecycleHandlerSchema>;
const LIFECYCLE_HANDLER_KEYS: KeyTable<LifecycleHandler> = {
  exec: "exec",
  httpGet: "http_get",
  tcpSocket: "tcp_socket",
};

export const containerLifecycleSchema = z.strictObject({
  postStart: lifecycleHandlerSchema.optional(),
  preStop: lifecycleHandlerSchema.optional(),
});
export type ContainerLifecycle = z.infer<typeof containerLifecycleSchema>;
const CONTAINER_LIFECYCLE_KEYS: KeyTable<ContainerLifecycle> = {
  postStart: "post_start",
  preStop: "pre_stop",
};

const HANDLER_SECTION = section<LifecycleHandler>(LIFECYCLE_HANDLER_KEYS, {
  exec: section<ExecAction>(EXEC_ACTION_KEYS),
  httpGet: section<HttpGet>(HTTP_GET_KEYS, { httpHeaders: section<HttpHeader>(HTTP_HEADER_KEYS) }),
  tcpSocket: section<TcpSocket>(TCP_SOCKET_KEYS),
});

export const CONTAINER_LIFECYCLE_SECTION = section<ContainerLifecycle>(CONTAINER_LIFECYCLE_KEYS, {
  postStart: HANDLER_SECTION,
  preStop: HANDLER_SECTION,
});
