import { fieldError } from '../errors.js';
import { describeAddressClass, DestinationRefusedError, ipLiteral, resolvePublic, type Resolver } from './ssrf.js';

export interface DestinationPolicy {
  /** COURTYARD_WEBHOOKS_ALLOW_PRIVATE: loopback, private and link-local destinations are allowed. */
  allowPrivate: boolean;
  resolve?: Resolver;
}

/**
 * Checks a webhook URL as its owner (a tenant, or the operator) gives it: http or https, no
 * credentials, and (unless private destinations are allowed) a host whose every address is
 * public. Returns the URL normalised (`http://2130706433/` is `http://127.0.0.1/`, and refused as such).
 */
export async function checkWebhookUrl(raw: string, policy: DestinationPolicy): Promise<string> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw fieldError('url', 'is not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw fieldError('url', 'must be an http or https URL');
  if (url.username || url.password) throw fieldError('url', 'must not contain credentials; use the signature to authenticate deliveries');
  if (!url.hostname) throw fieldError('url', 'has no host');
  if (!policy.allowPrivate) {
    try {
      await resolvePublic(ipLiteral(url) ?? url.hostname, policy.resolve);
    } catch (error) {
      if (error instanceof DestinationRefusedError) throw fieldError('url', `points to ${error.address}, ${describeAddressClass(error.addressClass)}: webhooks may not be sent there`);
      throw fieldError('url', `the host ${url.hostname} could not be resolved`);
    }
  }
  return url.href;
}
