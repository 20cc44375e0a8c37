/** The `.dockerconfigjson` document for one registry credential (what `kubectl create secret docker-registry` writes). */
export function dockerConfigJson(server: string, username: string, password: string): string {
  const auth = Buffer.from(`${username}:${password}`).toString("base64");
  return JSON.stringify({ auths: { [server]: { username, password, auth } } });
}
