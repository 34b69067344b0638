import tenants from '../console/tenants/en.json';
import plans from '../console/plans/en.json';
import jobs from '../console/jobs/en.json';
import audit from '../console/audit/en.json';
import consoleBilling from '../console/billing/en.json';
import consoleInvoices from '../console/invoices/en.json';
import consoleWebhooks from '../console/webhooks/en.json';
import tenantAudit from '../modules/audit/en.json';
import dashboard from '../modules/dashboard/en.json';
import members from '../modules/members/en.json';
import properties from '../modules/properties/en.json';
import leases from '../modules/leases/en.json';
import finance from '../modules/finance/en.json';
import users from '../modules/users/en.json';
import roles from '../modules/roles/en.json';
import webhooks from '../modules/webhooks/en.json';
import apiKeys from '../modules/api-keys/en.json';
import mail from '../modules/mail/en.json';
import documents from '../modules/documents/en.json';
import communications from '../modules/communications/en.json';
import objects from '../modules/objects/en.json';
import settings from '../modules/settings/en.json';
import tenantBilling from '../modules/billing/en.json';
import account from '../workspace/account/en.json';
import security from '../ui/account/en.json';

/** The staff's messages (console and workspace areas): loaded with the console's or the workspace's chunk, never by the portal. */
export const staffEn = { ...tenants, ...plans, ...jobs, ...audit, ...consoleBilling, ...consoleInvoices, ...consoleWebhooks, ...tenantAudit, ...dashboard, ...members, ...properties, ...leases, ...finance, ...users, ...roles, ...webhooks, ...apiKeys, ...mail, ...documents, ...communications, ...objects, ...settings, ...tenantBilling, ...account, ...security };
