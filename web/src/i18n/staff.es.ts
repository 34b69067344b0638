import tenants from '../console/tenants/es.json';
import plans from '../console/plans/es.json';
import jobs from '../console/jobs/es.json';
import audit from '../console/audit/es.json';
import consoleBilling from '../console/billing/es.json';
import consoleInvoices from '../console/invoices/es.json';
import consoleWebhooks from '../console/webhooks/es.json';
import tenantAudit from '../modules/audit/es.json';
import dashboard from '../modules/dashboard/es.json';
import members from '../modules/members/es.json';
import properties from '../modules/properties/es.json';
import leases from '../modules/leases/es.json';
import finance from '../modules/finance/es.json';
import users from '../modules/users/es.json';
import roles from '../modules/roles/es.json';
import webhooks from '../modules/webhooks/es.json';
import apiKeys from '../modules/api-keys/es.json';
import mail from '../modules/mail/es.json';
import documents from '../modules/documents/es.json';
import communications from '../modules/communications/es.json';
import objects from '../modules/objects/es.json';
import settings from '../modules/settings/es.json';
import tenantBilling from '../modules/billing/es.json';
import account from '../workspace/account/es.json';
import security from '../ui/account/es.json';

/** The staff's messages in Spanish (see staff.en.ts). */
export const staffEs = { ...tenants, ...plans, ...jobs, ...audit, ...consoleBilling, ...consoleInvoices, ...consoleWebhooks, ...tenantAudit, ...dashboard, ...members, ...properties, ...leases, ...finance, ...users, ...roles, ...webhooks, ...apiKeys, ...mail, ...documents, ...communications, ...objects, ...settings, ...tenantBilling, ...account, ...security };
