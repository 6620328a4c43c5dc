/**
 * A remote URL without credentials: `https://user:token@host/x` → `https://host/x` (for http(s) the user name alone
 * is often a token, so it goes too); other schemes (`ssh://git@host/x`) keep the user name and lose any password.
 * scp-like `git@host:owner/repo.git` and local paths have no password and stay as they are.
 */
export function withoutCredentials(url: string): string {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(url);
  // scp-like `user:password@host:path` is not something git reads as a password, but never print one anyway.
  if (scheme === null) return url.replace(/^([^@/:]*):[^@/]*@/, '$1@');
  const rest = url.slice(scheme[0].length);
  const authorityEnd = rest.search(/[/?#]/);
  const authority = authorityEnd < 0 ? rest : rest.slice(0, authorityEnd);
  const at = authority.lastIndexOf('@');
  if (at < 0) return url;
  const userinfo = authority.slice(0, at);
  const host = authority.slice(at + 1);
  const web = /^(https?|ftps?)$/i.test(scheme[1] as string);
  const colon = userinfo.indexOf(':');
  const kept = web ? '' : `${colon < 0 ? userinfo : userinfo.slice(0, colon)}@`;
  return `${scheme[0]}${kept}${host}${authorityEnd < 0 ? '' : rest.slice(authorityEnd)}`;
}
