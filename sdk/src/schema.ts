/**
 * The Courtyard API as TypeScript types, generated from the OpenAPI document by
 * openapi-typescript. Do not edit: run `npm run sdk:generate`.
 */

export interface paths {
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API keys, newest first (never their secrets) */
        get: operations["apiKeys.list"];
        put?: never;
        /** Make an API key with some of your permissions; the answer shows the key, once */
        post: operations["apiKeys.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One API key (never its secret) */
        get: operations["apiKeys.get"];
        put?: never;
        post?: never;
        /** Revoke an API key: the next request with it is refused (401) */
        delete: operations["apiKeys.revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's audit log, newest first (cursor-paginated; by action or action prefix, actor, target and time) */
        get: operations["audit.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Walk the tenant's audit hash chain: valid, or the first entry that was changed, removed or slipped in since it was written */
        get: operations["audit.verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/accept-invitation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation: choose a password with the token from the invitation e-mail (the token works once) */
        post: operations["auth.acceptInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in as a tenant user: the token pair, or the second step a user with two-step sign-in takes (POST /auth/mfa) */
        post: operations["auth.login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: revokes the session the refresh token belongs to */
        post: operations["auth.logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The second step of a sign-in: the mfaToken and a code (or a recovery code) for the token pair, as POST /auth/login gives it */
        post: operations["auth.mfa"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/enrol": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enrol an authenticator app with the mfaToken of a sign-in refused with mfa_enrolment_required; then POST /auth/mfa with a code */
        post: operations["auth.mfa.enrol"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/passkey": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The second step of a sign-in: the mfaToken and the browser's answer to the passkey options, for the token pair */
        post: operations["auth.mfa.passkey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/passkey/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The second step of a sign-in with a passkey: options for the browser, listing the user's passkeys */
        post: operations["auth.mfa.passkey.options"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/passkey": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with a passkey (verified by the user, so two factors at once: amr hwk+user): the browser's answer to the sign-in options, for the token pair */
        post: operations["auth.passkey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/passkey/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a passwordless sign-in: options for the browser, which offers the passkeys it holds for this host (no e-mail needed) */
        post: operations["auth.passkey.options"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask for a password-reset e-mail: 202 whatever the address; an active user with it is sent a link that works once, for an hour */
        post: operations["auth.passwordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Choose a new password with the reset e-mail's token (it works once); every session of the user ends */
        post: operations["auth.passwordResetConfirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange a refresh token for new tokens (the old one is spent) */
        post: operations["auth.refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sso/{providerId}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Start signing in with a provider: a redirect to it (authorization code flow with PKCE, state and nonce) */
        get: operations["auth.sso.start"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sso/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the provider sends the browser back: signs in (the refresh cookie) and redirects to the workspace, or to the sign-in page with `?sso_error=` */
        get: operations["auth.sso.callback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sso/discover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The providers for an e-mail address's domain, and whether single sign-on is required for it */
        post: operations["auth.sso.discover"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sso/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The providers the sign-in page offers: id and name only */
        get: operations["auth.sso.providers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/step-up": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give a second factor now (a code or a recovery code): a new access token allowing, for 15 minutes, the actions that need one */
        post: operations["auth.stepUp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/step-up/passkey": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give a second factor now with a passkey: a new access token allowing, for 15 minutes, the actions that need one */
        post: operations["auth.stepUp.passkey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/step-up/passkey/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Step up with a passkey: options for the browser, listing your passkeys */
        post: operations["auth.stepUp.passkey.options"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The chart of accounts, in code order (the system accounts are set up on first use) */
        get: operations["finance.accounts.list"];
        put?: never;
        /** Add an account to the chart */
        post: operations["finance.accounts.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename an account, or archive it (not a system account) or bring it back */
        patch: operations["finance.accounts.update"];
        trace?: never;
    };
    "/api/v1/finance/accounts/{id}/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An account’s lines over a period with the running balance, opening and closing balances per currency */
        get: operations["finance.accounts.ledger"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/allocations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Apply a member’s credit to their open charges now (the ones named, or the oldest due first) */
        post: operations["finance.allocations.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/bank-imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Bank statement imports, newest first, with what their lines add up to (cursor-paginated) */
        get: operations["finance.bankImports.list"];
        put?: never;
        /** Import a bank statement (CSV with a column mapping) and propose who paid each credit; nothing is recorded yet */
        post: operations["finance.bankImports.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/bank-imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One bank statement import: every line, its status and the proposed match */
        get: operations["finance.bankImports.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/bank-imports/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record confirmed credit lines as bank transfers of the members given (all or nothing; a line confirmed again records nothing more) */
        post: operations["finance.bankImports.confirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/billing-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List billing runs, newest first (cursor-paginated; filter by period, status) */
        get: operations["finance.billingRuns.list"];
        put?: never;
        /** Bill a month: dryRun true answers what it would charge and skip (writing nothing); false queues the run (202) */
        post: operations["finance.billingRuns.start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/billing-runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One billing run: its status, counts and errors */
        get: operations["finance.billingRuns.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/billing-runs/{id}/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A billing run’s items in plan order: the charges it made (with their ids) and the lines it skipped, with why (cursor-paginated; filter by status) */
        get: operations["finance.billingRuns.items"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/charges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Charges (cursor-paginated; by member, unit, lease, status, kind, due date) */
        get: operations["finance.charges.list"];
        put?: never;
        /** Post a charge to a member */
        post: operations["finance.charges.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/charges/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One charge with its allocations */
        get: operations["finance.charges.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/charges/{id}/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Void a charge: its entry is reversed and what was paid on it goes back to the member’s credit */
        post: operations["finance.charges.void"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/charges/{id}/write-off": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Write off what is outstanding of a charge (or part of it) as bad debt */
        post: operations["finance.charges.writeOff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/checkout-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open a card checkout for a member's balance or chosen open charges (amount from the ledger); answers the page to send the payer to */
        post: operations["finance.checkoutSessions.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/checkout-sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One checkout session and its outcome: open until the provider's webhook records the payment (completed, with paymentId), or expired/failed (a portal member sees their own) */
        get: operations["finance.checkoutSessions.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/journal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Journal entries with their lines (cursor-paginated; by date range, kind, account or member) */
        get: operations["finance.journal.list"];
        put?: never;
        /** Post a manual entry, balanced per currency */
        post: operations["finance.journal.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/journal/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One journal entry with its lines and the entry that reverses it */
        get: operations["finance.journal.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/journal/{id}/reverse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reverse a manual entry (once) with its mirror image */
        post: operations["finance.journal.reverse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/late-fee-rule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant’s late-fee rule (disabled until set) */
        get: operations["finance.lateFeeRule.get"];
        /** Set the tenant’s late-fee rule */
        put: operations["finance.lateFeeRule.replace"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/members/{id}/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A member’s balance per currency (receivable, credit, balance) and their open charges */
        get: operations["finance.members.balance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/members/{id}/statement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A member's statement for a period: opening balance, every charge, payment, credit and fee, closing balance */
        get: operations["finance.members.statement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Payments (cursor-paginated; by member, method, currency, date received) */
        get: operations["finance.payments.list"];
        put?: never;
        /** Record a payment: it settles the charges named, or the oldest due first; the rest stays as credit */
        post: operations["finance.payments.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/payments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One payment with the allocations of its money */
        get: operations["finance.payments.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/payments/{id}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pay back part of a payment out of the member’s credit */
        post: operations["finance.payments.refund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/providers/stripe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's Stripe settings: whether keys are set (their last 4 characters, never the keys) and the webhook URL to give Stripe */
        get: operations["finance.providers.stripe.get"];
        /** Set the Stripe keys (sealed at rest) and switch card payments on or off; a key left out is kept */
        put: operations["finance.providers.stripe.replace"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/providers/stripe/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stripe's notifications for this tenant (checkout.session.*), verified with its webhook signing secret; a paid checkout is recorded as a payment once */
        post: operations["finance.providers.stripe.webhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/reports/arrears": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Arrears aging (current, 1–30, 31–60, 61–90, 90+ days) per member, unit or property */
        get: operations["finance.reports.arrears"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/reports/collections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Collections rate of the charges due in a period */
        get: operations["finance.reports.collections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/reports/collections/monthly": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Billed (charges by due month, voids left out) and collected (payments by month received) per month and currency, at most 24 months; by default the last 12 */
        get: operations["finance.reports.collectionsMonthly"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/reports/income": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Income per income account for a period */
        get: operations["finance.reports.income"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/reports/trial-balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The trial balance: every account’s balance per currency on a date; debits equal credits (JSON or CSV) */
        get: operations["finance.reports.trialBalance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List billing schedules by name (cursor-paginated; filter by kind, property, active) */
        get: operations["finance.schedules.list"];
        put?: never;
        /** Add a billing schedule: a levy split over a property’s units, or rent from leases */
        post: operations["finance.schedules.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/schedules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One billing schedule */
        get: operations["finance.schedules.get"];
        put?: never;
        post?: never;
        /** Remove a billing schedule (the charges it made stay) */
        delete: operations["finance.schedules.delete"];
        options?: never;
        head?: never;
        /** Change a billing schedule (for runs from now on) */
        patch: operations["finance.schedules.update"];
        trace?: never;
    };
    "/api/v1/finance/statements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Statements issued, newest period first (a portal member sees their own) */
        get: operations["finance.statements.list"];
        put?: never;
        /** Generate (or generate again) a member's statement for a period, as figures and a branded PDF */
        post: operations["finance.statements.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/statements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One statement record */
        get: operations["finance.statements.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/statements/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download the statement PDF */
        get: operations["finance.statements.pdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/leases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List leases (cursor-paginated, filterable by unit, renter, status and expiry) */
        get: operations["leases.list"];
        put?: never;
        /** Draft a lease */
        post: operations["leases.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/leases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One lease */
        get: operations["leases.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a draft lease, or the notes of any lease */
        patch: operations["leases.update"];
        trace?: never;
    };
    "/api/v1/leases/{id}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Activate a draft lease: it takes the unit for its dates and its renters move in */
        post: operations["leases.activate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/leases/{id}/renew": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Draft the successor of a lease with an end date, on the same terms unless given */
        post: operations["leases.renew"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/leases/{id}/terminate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End a lease on a date (its last day), or cancel a draft */
        post: operations["leases.terminate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mail/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The delivery log: messages newest first, with their status (cursor-paginated) */
        get: operations["mail.messages.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mail/messages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One message and its history (queued, sent, failed with the reason) */
        get: operations["mail.messages.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mail/messages/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a failed message again */
        post: operations["mail.messages.retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mail/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The templates of every message kind, the tenant’s own where it has one */
        get: operations["mail.templates.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mail/templates/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The template of one message kind */
        get: operations["mail.templates.get"];
        /** Replace a message kind’s template with the tenant’s own (Mustache; HTML values are always escaped) */
        put: operations["mail.templates.replace"];
        post?: never;
        /** Go back to the default template */
        delete: operations["mail.templates.reset"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user, roles, permissions, licensed modules and branding */
        get: operations["me.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the signed-in user's name or language */
        patch: operations["me.update"];
        trace?: never;
    };
    "/api/v1/me/mfa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your two-step sign-in: whether an authenticator app is enrolled, and how many recovery codes are left */
        get: operations["me.mfa.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/mfa/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start enrolling an authenticator app: a new secret, pending until a code confirms it */
        post: operations["me.mfa.totp.enrol"];
        /** Turn two-step sign-in off with a current code or a recovery code (the recovery codes go too) */
        delete: operations["me.mfa.totp.disable"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/mfa/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm the authenticator app with a code from it: two-step sign-in is on; answers the recovery codes, shown once */
        post: operations["me.mfa.totp.confirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notification-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your notification preferences: each category by e-mail and by SMS (e-mail on and SMS off until you choose) */
        get: operations["me.notificationPreferences.get"];
        /** Set your notification preferences (every category and channel) */
        put: operations["me.notificationPreferences.set"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/passkeys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your passkeys, oldest first */
        get: operations["me.passkeys.list"];
        put?: never;
        /** Register a passkey with the browser's answer to the registration options; it is then a second factor, and signs in without a password */
        post: operations["me.passkeys.register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/passkeys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove one of your passkeys; a passkey that is not yours is not found */
        delete: operations["me.passkeys.remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/passkeys/registration-options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start registering a passkey: the options to pass to the browser (a discoverable credential for this host) */
        post: operations["me.passkeys.registrationOptions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your password: every other session of yours ends, this one goes on */
        post: operations["me.changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your open sessions (sign-ins), newest first; the one this request uses is `current` */
        get: operations["me.sessions.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End one of your sessions (sign it out); a session that is not yours is not found */
        delete: operations["me.sessions.end"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List members (cursor-paginated, searchable, filterable) */
        get: operations["members.list"];
        put?: never;
        /** Add a member */
        post: operations["members.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One member */
        get: operations["members.get"];
        put?: never;
        post?: never;
        /** Remove a member */
        delete: operations["members.delete"];
        options?: never;
        head?: never;
        /** Change a member */
        patch: operations["members.update"];
        trace?: never;
    };
    "/api/v1/members/{id}/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The units a member is attached to, with role and dates (current and coming by default, or all) */
        get: operations["members.units.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many members match the filters (exact; the list gives no totals) */
        get: operations["members.count"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your own member details, and which of them you may change */
        get: operations["members.me.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change your own contact details (only those the tenant lets members change) */
        patch: operations["members.me.update"];
        trace?: never;
    };
    "/api/v1/occupancies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an occupancy recorded by mistake (to end one, PATCH its endDate) */
        delete: operations["occupancies.delete"];
        options?: never;
        head?: never;
        /** Change an occupancy: set endDate to end it (the row stays, as history), or change its share, notes, or start before it begins */
        patch: operations["occupancies.update"];
        trace?: never;
    };
    "/api/v1/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The permission catalogue of the modules the tenant has, and the fields a role may hide */
        get: operations["permissions.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/branding": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's name, logo, colour and default language, for the portal's pages before sign-in */
        get: operations["portal.branding"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/manifest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The member portal's web app manifest (the tenant's name, colour and icons), for installing it on a phone */
        get: operations["portal.manifest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/properties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List properties by name (cursor-paginated, searchable, filterable) */
        get: operations["properties.list"];
        put?: never;
        /** Add a property (an estate, a block inside one, a building, land) */
        post: operations["properties.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/properties/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One property, with how its units’ participation shares add up */
        get: operations["properties.get"];
        put?: never;
        post?: never;
        /** Remove a property that holds no units and no other properties */
        delete: operations["properties.delete"];
        options?: never;
        head?: never;
        /** Change, move, archive or restore a property (archiving takes what is in it along) */
        patch: operations["properties.update"];
        trace?: never;
    };
    "/api/v1/properties/{id}/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The units of a property by label (cursor-paginated, searchable, filterable) */
        get: operations["properties.units.list"];
        put?: never;
        /** Add a unit to a property */
        post: operations["properties.units.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/properties/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import properties and units from CSV (all or nothing; dryRun=true only reports) */
        post: operations["properties.import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/rent-roll": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The rent roll: every unit let on a date, with rent, monthly equivalent and deposit; totals per currency (JSON or CSV) */
        get: operations["reports.rentRoll"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/vacancy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Units by status and the vacancy rate per property, with totals (JSON or CSV) */
        get: operations["reports.vacancy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant roles (system ones first), their permissions and how many users hold each */
        get: operations["roles.list"];
        put?: never;
        /** Make a custom role with some of your own permissions */
        post: operations["roles.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One role */
        get: operations["roles.get"];
        put?: never;
        post?: never;
        /** Delete a custom role no user holds (`core.role_in_use` otherwise) */
        delete: operations["roles.delete"];
        options?: never;
        head?: never;
        /** Change a custom role (system roles cannot be changed: `core.system_role_immutable`); its holders' next requests follow it */
        patch: operations["roles.update"];
        trace?: never;
    };
    "/api/v1/settings/branding": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's branding: display name, colours, logo, support address */
        get: operations["settings.branding.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the tenant's branding (null removes a field) */
        patch: operations["settings.branding.update"];
        trace?: never;
    };
    "/api/v1/settings/member-self-service": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which contact details members may change themselves in the portal */
        get: operations["settings.memberSelfService.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Choose which contact details members may change themselves */
        patch: operations["settings.memberSelfService.update"];
        trace?: never;
    };
    "/api/v1/settings/regional": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's time zone and default locale */
        get: operations["settings.regional.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the tenant's time zone (an IANA name) or default locale */
        patch: operations["settings.regional.update"];
        trace?: never;
    };
    "/api/v1/settings/two-step": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The roles whose users must sign in with two steps */
        get: operations["settings.twoStep.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Choose the roles whose users must sign in with two steps (those not enrolled enrol at their next sign-in) */
        patch: operations["settings.twoStep.update"];
        trace?: never;
    };
    "/api/v1/sso/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's single sign-on providers (never their client secrets) */
        get: operations["sso.providers.list"];
        put?: never;
        /** Add a single sign-on provider (OpenID Connect) */
        post: operations["sso.providers.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sso/providers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One single sign-on provider (never its client secret) */
        get: operations["sso.providers.get"];
        put?: never;
        post?: never;
        /** Remove a single sign-on provider: its users sign in with a password again (if they have one) */
        delete: operations["sso.providers.delete"];
        options?: never;
        head?: never;
        /** Change a single sign-on provider; a client secret sent replaces the old one */
        patch: operations["sso.providers.update"];
        trace?: never;
    };
    "/api/v1/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List units by label (cursor-paginated, searchable, filterable) */
        get: operations["units.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One unit, with how its property’s shares add up */
        get: operations["units.get"];
        put?: never;
        post?: never;
        /** Remove a unit that has no occupancy or lease history */
        delete: operations["units.delete"];
        options?: never;
        head?: never;
        /** Change, archive or restore a unit (its status is derived, not set) */
        patch: operations["units.update"];
        trace?: never;
    };
    "/api/v1/units/{id}/occupants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who owns, lives in and rents a unit on a day (default today), or its whole history; with the owners' shares */
        get: operations["units.occupants.list"];
        put?: never;
        /** Attach a member to a unit in a role, from a date */
        post: operations["units.occupants.attach"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List tenant users */
        get: operations["users.list"];
        put?: never;
        /** Create a tenant user; without a password, the user is invited by e-mail to choose one */
        post: operations["users.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One tenant user */
        get: operations["users.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a tenant user (name, status, password, roles, linked member) */
        patch: operations["users.update"];
        trace?: never;
    };
    "/api/v1/users/{id}/invitation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a user without a password a new invitation e-mail (earlier links stop working) */
        post: operations["users.invite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/deliveries/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Attempt a delivery again now (also replays one that succeeded) */
        post: operations["webhooks.deliveries.retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List webhook endpoints (cursor-paginated) */
        get: operations["webhooks.endpoints.list"];
        put?: never;
        /** Register a webhook endpoint; the answer shows its signing secret, once */
        post: operations["webhooks.endpoints.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One webhook endpoint */
        get: operations["webhooks.endpoints.get"];
        put?: never;
        post?: never;
        /** Remove a webhook endpoint and its delivery history */
        delete: operations["webhooks.endpoints.delete"];
        options?: never;
        head?: never;
        /** Change a webhook endpoint (enabling it again clears its failure record) */
        patch: operations["webhooks.endpoints.update"];
        trace?: never;
    };
    "/api/v1/webhooks/endpoints/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An endpoint's deliveries, newest first, with every attempt (cursor-paginated) */
        get: operations["webhooks.deliveries.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/endpoints/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the signing secret; the old one keeps signing next to it for 24 hours */
        post: operations["webhooks.endpoints.rotateSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/endpoints/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a webhook.test message to the endpoint */
        post: operations["webhooks.endpoints.test"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/control/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List platform API keys, newest first (never their secrets) */
        get: operations["control.apiKeys.list"];
        put?: never;
        /** Make a platform API key with some of your permissions; the answer shows the key (`cyp_…`), once */
        post: operations["control.apiKeys.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/control/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a platform API key: the next request with it is refused (401) */
        delete: operations["control.apiKeys.revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/control/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log, newest first (cursor-paginated; filter by actor, action, tenant and time; q searches actor, action and target) */
        get: operations["control.audit.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/control/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Walk the audit log's hash chain: valid, or the first entry that was changed or removed since it was written */
        get: operations["control.audit.verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/control/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in as a platform operator: the token pair, or the second step an operator with two-step sign-in takes (POST /control/v1/auth/mfa) */
        post: operations["control.auth.login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/control/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out a platform session */
        post: operations["control.auth.logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/control/v1/auth/mfa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The second step of an operator's sign-in: the mfaToken and a code (or a recovery code) for the token pair */
        post: operations["control.auth.mfa"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/control/v1/auth/mfa/enrol": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enrol an authenticator app with the mfaToken of a sign-in refused with mfa_enrolment_required; then POST /control/v1/auth/mfa with a code */
        post: operations["control.auth.mfa.enrol"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/control/v1/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask for a password-reset e-mail as a platform operator: 202 whatever the address; an active operator with it is sent a link that works once, for an hour */
        post: operations["control.auth.passwordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/control/v1/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Choose a new operator password with the reset e-mail's token (it works once); every session of the operator ends */
        post: operations["control.auth.passwordResetConfirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/control/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate a platform refresh token */
        post: operations["control.auth.refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/control/v1/auth/step-up": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give a second factor now (a code or a recovery code): a new access token allowing, for 15 minutes, the console's dangerous actions */
        post: operations["control.auth.stepUp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/control/v1/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Jobs, newest first (cursor-paginated; filter by queue, state and tenant) */
        get: operations["control.jobs.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/control/v1/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One job, with its whole last error */
        get: operations["control.jobs.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/control/v1/jobs/{queue}/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Discard a job */
        delete: operations["control.jobs.discard"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/control/v1/jobs/{queue}/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retry a failed (dead) job */
        post: operations["control.jobs.retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/control/v1/jobs/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Job queues: counts by queue and state, and the oldest job’s age */
        get: operations["control.jobs.counts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/control/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in operator (or the operator whose API key this is) */
        get: operations["control.me.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the signed-in operator's name */
        patch: operations["control.me.update"];
        trace?: never;
    };
    "/control/v1/me/mfa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in operator's two-step sign-in: enrolled or not, recovery codes left */
        get: operations["control.me.mfa.status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/control/v1/me/mfa/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start enrolling an authenticator app: a new secret, pending until a code confirms it */
        post: operations["control.me.mfa.totp.enrol"];
        /** Turn two-step sign-in off with a current code or a recovery code (refused when the platform requires it) */
        delete: operations["control.me.mfa.totp.disable"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/control/v1/me/mfa/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm the authenticator app with a code from it: two-step sign-in is on; answers the recovery codes, shown once */
        post: operations["control.me.mfa.totp.confirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/control/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your operator password: every other session of yours ends, this one goes on */
        post: operations["control.me.changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/control/v1/me/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your open operator sessions (sign-ins), newest first; the one this request uses is `current` */
        get: operations["control.me.sessions.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/control/v1/me/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End one of your operator sessions (sign it out); a session that is not yours is not found */
        delete: operations["control.me.sessions.end"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/control/v1/modules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The module catalogue */
        get: operations["control.modules.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/control/v1/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Plans */
        get: operations["control.plans.list"];
        put?: never;
        /** Create a plan */
        post: operations["control.plans.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/control/v1/plans/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a plan */
        patch: operations["control.plans.update"];
        trace?: never;
    };
    "/control/v1/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which tenant a host name belongs to, with its branding (public) */
        get: operations["control.tenants.resolve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/control/v1/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List tenants (cursor-paginated; q searches slug and name) */
        get: operations["control.tenants.list"];
        put?: never;
        /** Create and provision a tenant */
        post: operations["control.tenants.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/control/v1/tenants/{tenant}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One tenant (by id or slug) */
        get: operations["control.tenants.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename a tenant, change its plan (a new plan reissues the licence), its time zone or its default locale */
        patch: operations["control.tenants.update"];
        trace?: never;
    };
    "/control/v1/tenants/{tenant}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Archive a tenant */
        post: operations["control.tenants.archive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/control/v1/tenants/{tenant}/branding": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace the tenant's branding */
        put: operations["control.tenants.branding.replace"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/control/v1/tenants/{tenant}/domains": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a custom domain */
        post: operations["control.tenants.domains.add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/control/v1/tenants/{tenant}/domains/{domain}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a custom domain */
        delete: operations["control.tenants.domains.remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/control/v1/tenants/{tenant}/licence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's current licence */
        get: operations["control.tenants.licence.get"];
        put?: never;
        /** Reissue the licence, with overrides */
        post: operations["control.tenants.licence.reissue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/control/v1/tenants/{tenant}/provision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retry a failed provisioning from the step that failed */
        post: operations["control.tenants.retryProvisioning"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/control/v1/tenants/{tenant}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a tenant */
        post: operations["control.tenants.resume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/control/v1/tenants/{tenant}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Suspend a tenant */
        post: operations["control.tenants.suspend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Problem: {
            code: string;
            detail: string;
            errors?: {
                /** @description Why the field was refused, where a client may act on it (`password_too_common`) */
                code?: string;
                field: string;
                /** @description `querystring` or `params` when the field is not in the body */
                in?: string;
                message: string;
            }[];
            instance: string;
            requestId: string;
            status: number;
            title: string;
            type: string;
        } & {
            [key: string]: unknown;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    "apiKeys.list": {
        parameters: {
            query: {
                cursor?: string;
                limit: number;
                /** @description Matches the name. */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            createdBy: string;
                            expiresAt: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @description Updated at most once a minute */
                            lastUsedAt: string | null;
                            name: string;
                            permissions: string[];
                            /** @description The first characters of the key, to tell keys apart */
                            prefix: string;
                            revokedAt: string | null;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "apiKeys.create": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    expiresAt?: string | null;
                    name: string;
                    /** @description Some of your own permissions (problems `core.unknown_permission`, `core.permission_not_held`) */
                    permissions: string[];
                };
            };
        };
        responses: {
            /** @description The result, showing its secret this once; a retry with the same Idempotency-Key gets an IdempotentReplay instead. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: uuid */
                        createdBy: string;
                        expiresAt: string | null;
                        /** Format: uuid */
                        id: string;
                        /** @description The key, `cy_…`: shown this once. Send it as `Authorization: Bearer <key>`. */
                        key: string;
                        /** @description Updated at most once a minute */
                        lastUsedAt: string | null;
                        name: string;
                        permissions: string[];
                        /** @description The first characters of the key, to tell keys apart */
                        prefix: string;
                        revokedAt: string | null;
                    } | {
                        detail: string;
                        /** @description The id of the resource the first request created or changed. */
                        id: string;
                        /** @enum {boolean} */
                        replayed: true;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `core.user_has_password`, `core.user_disabled`, `core.system_role_immutable`, `core.role_key_taken`, `core.role_in_use`, `core.own_access`, `core.totp_already_enrolled`, `core.totp_not_enrolled`, `core.passkey_already_registered`, `core.passkey_unavailable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `core.wrong_password`, `core.unknown_permission`, `core.invalid_code`, `core.passkey_registration_failed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "apiKeys.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: uuid */
                        createdBy: string;
                        expiresAt: string | null;
                        /** Format: uuid */
                        id: string;
                        /** @description Updated at most once a minute */
                        lastUsedAt: string | null;
                        name: string;
                        permissions: string[];
                        /** @description The first characters of the key, to tell keys apart */
                        prefix: string;
                        revokedAt: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "apiKeys.revoke": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `core.user_has_password`, `core.user_disabled`, `core.system_role_immutable`, `core.role_key_taken`, `core.role_in_use`, `core.own_access`, `core.totp_already_enrolled`, `core.totp_not_enrolled`, `core.passkey_already_registered`, `core.passkey_unavailable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `core.wrong_password`, `core.unknown_permission`, `core.invalid_code`, `core.passkey_registration_failed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "audit.list": {
        parameters: {
            query: {
                /** @description Exactly this action (`auth.sign_in.failed`), or every action starting with the text before a final `*` (`auth.*`) */
                action?: string;
                /** @description The acting user or API key (its id) */
                actor?: string;
                actorType?: "user" | "api_key" | "system" | "anonymous";
                cursor?: string;
                /** @description Entries at or after this instant */
                from?: string;
                limit: number;
                targetId?: string;
                targetType?: string;
                /** @description Entries before this instant */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @description What was done, such as `auth.sign_in.failed` or `finance.charge.voided` (docs/audit.md lists them). */
                            action: string;
                            actor: {
                                /** @description The user id or API key id; null for the system and for someone not signed in. */
                                id: string | null;
                                /** @enum {string} */
                                type: "user" | "api_key" | "system" | "anonymous";
                            };
                            /** Format: date-time */
                            at: string;
                            /** @description A few facts about the action; never a secret or a password. */
                            details: {
                                [key: string]: unknown;
                            };
                            /** Format: uuid */
                            id: string;
                            ip: string | null;
                            requestId: string | null;
                            /** @description Position in the tenant's hash chain: later entries have higher numbers. */
                            seq: number;
                            /** @description What it was done to. */
                            target: {
                                id: string | null;
                                type: string;
                            } | null;
                            userAgent: string | null;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "audit.verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description How many entries the tenant's chain holds */
                        entries: number;
                        /**
                         * Format: uuid
                         * @description The first entry whose link or hash does not match: it, or the entry before it, was changed, removed or slipped in
                         */
                        firstBrokenId?: string;
                        /** @description Every entry links to the one before it and its hash matches its content */
                        valid: boolean;
                    };
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth.acceptInvitation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description At least 12 characters, not one of the most common passwords, and not containing the e-mail name or the organisation's name (problem `weak_password`) */
                    password: string;
                    token: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `core.user_has_password`, `core.user_disabled`, `core.system_role_immutable`, `core.role_key_taken`, `core.role_in_use`, `core.own_access`, `core.totp_already_enrolled`, `core.totp_not_enrolled`, `core.passkey_already_registered`, `core.passkey_unavailable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `core.wrong_password`, `core.unknown_permission`, `core.invalid_code`, `core.passkey_registration_failed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth.login": {
        parameters: {
            query?: never;
            header?: {
                /** @description The refresh token travels in an HttpOnly, SameSite=Strict cookie scoped to the auth routes instead of the JSON body. */
                "x-token-transport"?: "cookie";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        /** @description Seconds until the access token expires. */
                        expiresIn: number;
                        /** @description Absent when the request asked for it in the HttpOnly cookie (`x-token-transport: cookie`). */
                        refreshToken?: string;
                        /** @enum {string} */
                        tokenType: "Bearer";
                    } | {
                        /** @description `passkey`: the second step can be a passkey (POST /auth/mfa/passkey/options, then POST /auth/mfa/passkey) */
                        methods: ("totp" | "recovery_code" | "passkey")[];
                        /** @enum {boolean} */
                        mfaRequired: true;
                        /** @description Send it with a code to POST /auth/mfa within 5 minutes */
                        mfaToken: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `core.user_has_password`, `core.user_disabled`, `core.system_role_immutable`, `core.role_key_taken`, `core.role_in_use`, `core.own_access`, `core.totp_already_enrolled`, `core.totp_not_enrolled`, `core.passkey_already_registered`, `core.passkey_unavailable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `core.wrong_password`, `core.unknown_permission`, `core.invalid_code`, `core.passkey_registration_failed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many attempts: wait as `Retry-After` says (`rate_limited`). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth.logout": {
        parameters: {
            query?: never;
            header?: {
                /** @description The refresh token travels in an HttpOnly, SameSite=Strict cookie scoped to the auth routes instead of the JSON body. */
                "x-token-transport"?: "cookie";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    refreshToken?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `core.user_has_password`, `core.user_disabled`, `core.system_role_immutable`, `core.role_key_taken`, `core.role_in_use`, `core.own_access`, `core.totp_already_enrolled`, `core.totp_not_enrolled`, `core.passkey_already_registered`, `core.passkey_unavailable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `core.wrong_password`, `core.unknown_permission`, `core.invalid_code`, `core.passkey_registration_failed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth.mfa": {
        parameters: {
            query?: never;
            header?: {
                /** @description The refresh token travels in an HttpOnly, SameSite=Strict cookie scoped to the auth routes instead of the JSON body. */
                "x-token-transport"?: "cookie";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The 6-digit code the authenticator app shows now, or one of the recovery codes (each works once) */
                    code: string;
                    /** @description The `mfaToken` the sign-in answered: valid 5 minutes, once, and for 5 wrong codes at most */
                    mfaToken: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        /** @description Seconds until the access token expires. */
                        expiresIn: number;
                        /** @description Absent when the request asked for it in the HttpOnly cookie (`x-token-transport: cookie`). */
                        refreshToken?: string;
                        /** @enum {string} */
                        tokenType: "Bearer";
                    } & {
                        /** @description Ten single-use recovery codes, shown this once: each signs in (or steps up) in place of a code when the authenticator is lost */
                        recoveryCodes?: string[];
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `core.user_has_password`, `core.user_disabled`, `core.system_role_immutable`, `core.role_key_taken`, `core.role_in_use`, `core.own_access`, `core.totp_already_enrolled`, `core.totp_not_enrolled`, `core.passkey_already_registered`, `core.passkey_unavailable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `core.wrong_password`, `core.unknown_permission`, `core.invalid_code`, `core.passkey_registration_failed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many attempts: wait as `Retry-After` says (`rate_limited`). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth.mfa.enrol": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The `mfaToken` the sign-in answered: valid 5 minutes, once, and for 5 wrong codes at most */
                    mfaToken: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The same as an `otpauth://totp/...` URI (what a QR code holds) */
                        otpauthUri: string;
                        /** @description The TOTP secret (base32), to type into the authenticator app */
                        secret: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `core.user_has_password`, `core.user_disabled`, `core.system_role_immutable`, `core.role_key_taken`, `core.role_in_use`, `core.own_access`, `core.totp_already_enrolled`, `core.totp_not_enrolled`, `core.passkey_already_registered`, `core.passkey_unavailable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `core.wrong_password`, `core.unknown_permission`, `core.invalid_code`, `core.passkey_registration_failed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many attempts: wait as `Retry-After` says (`rate_limited`). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth.mfa.passkey": {
        parameters: {
            query?: never;
            header?: {
                /** @description The refresh token travels in an HttpOnly, SameSite=Strict cookie scoped to the auth routes instead of the JSON body. */
                "x-token-transport"?: "cookie";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The `mfaToken` the sign-in answered */
                    mfaToken: string;
                    /** @description What the browser answered `navigator.credentials.get` with, as JSON (`PublicKeyCredential.toJSON()`) */
                    response: {
                        authenticatorAttachment?: string;
                        /** @description The client extension results, as the browser gave them */
                        clientExtensionResults: {
                            [key: string]: unknown;
                        };
                        /** @description The credential id */
                        id: string;
                        /** @description The credential id */
                        rawId: string;
                        response: {
                            /** @description The authenticator data */
                            authenticatorData: string;
                            /** @description The client data the browser made */
                            clientDataJSON: string;
                            /** @description The signature over the authenticator data and the client data hash */
                            signature: string;
                            /** @description The user handle of a discoverable credential */
                            userHandle?: string;
                        };
                        /** @enum {string} */
                        type: "public-key";
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        /** @description Seconds until the access token expires. */
                        expiresIn: number;
                        /** @description Absent when the request asked for it in the HttpOnly cookie (`x-token-transport: cookie`). */
                        refreshToken?: string;
                        /** @enum {string} */
                        tokenType: "Bearer";
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `core.user_has_password`, `core.user_disabled`, `core.system_role_immutable`, `core.role_key_taken`, `core.role_in_use`, `core.own_access`, `core.totp_already_enrolled`, `core.totp_not_enrolled`, `core.passkey_already_registered`, `core.passkey_unavailable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `core.wrong_password`, `core.unknown_permission`, `core.invalid_code`, `core.passkey_registration_failed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many attempts: wait as `Retry-After` says (`rate_limited`). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth.mfa.passkey.options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The `mfaToken` the sign-in answered */
                    mfaToken: string;
                };
            };
        };
        responses: {
            /** @description WebAuthn request options (`PublicKeyCredentialRequestOptionsJSON`) for `navigator.credentials.get` (@simplewebauthn/browser startAuthentication); the challenge is valid 5 minutes, once */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        challenge: string;
                        rpId?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `core.user_has_password`, `core.user_disabled`, `core.system_role_immutable`, `core.role_key_taken`, `core.role_in_use`, `core.own_access`, `core.totp_already_enrolled`, `core.totp_not_enrolled`, `core.passkey_already_registered`, `core.passkey_unavailable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `core.wrong_password`, `core.unknown_permission`, `core.invalid_code`, `core.passkey_registration_failed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many attempts: wait as `Retry-After` says (`rate_limited`). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth.passkey": {
        parameters: {
            query?: never;
            header?: {
                /** @description The refresh token travels in an HttpOnly, SameSite=Strict cookie scoped to the auth routes instead of the JSON body. */
                "x-token-transport"?: "cookie";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description What the browser answered `navigator.credentials.get` with, as JSON (`PublicKeyCredential.toJSON()`) */
                    response: {
                        authenticatorAttachment?: string;
                        /** @description The client extension results, as the browser gave them */
                        clientExtensionResults: {
                            [key: string]: unknown;
                        };
                        /** @description The credential id */
                        id: string;
                        /** @description The credential id */
                        rawId: string;
                        response: {
                            /** @description The authenticator data */
                            authenticatorData: string;
                            /** @description The client data the browser made */
                            clientDataJSON: string;
                            /** @description The signature over the authenticator data and the client data hash */
                            signature: string;
                            /** @description The user handle of a discoverable credential */
                            userHandle?: string;
                        };
                        /** @enum {string} */
                        type: "public-key";
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        /** @description Seconds until the access token expires. */
                        expiresIn: number;
                        /** @description Absent when the request asked for it in the HttpOnly cookie (`x-token-transport: cookie`). */
                        refreshToken?: string;
                        /** @enum {string} */
                        tokenType: "Bearer";
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `core.user_has_password`, `core.user_disabled`, `core.system_role_immutable`, `core.role_key_taken`, `core.role_in_use`, `core.own_access`, `core.totp_already_enrolled`, `core.totp_not_enrolled`, `core.passkey_already_registered`, `core.passkey_unavailable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `core.wrong_password`, `core.unknown_permission`, `core.invalid_code`, `core.passkey_registration_failed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many attempts: wait as `Retry-After` says (`rate_limited`). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth.passkey.options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description WebAuthn request options (`PublicKeyCredentialRequestOptionsJSON`) for `navigator.credentials.get` (@simplewebauthn/browser startAuthentication); the challenge is valid 5 minutes, once */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        challenge: string;
                        rpId?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `core.user_has_password`, `core.user_disabled`, `core.system_role_immutable`, `core.role_key_taken`, `core.role_in_use`, `core.own_access`, `core.totp_already_enrolled`, `core.totp_not_enrolled`, `core.passkey_already_registered`, `core.passkey_unavailable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `core.wrong_password`, `core.unknown_permission`, `core.invalid_code`, `core.passkey_registration_failed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many attempts: wait as `Retry-After` says (`rate_limited`). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth.passwordReset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `core.user_has_password`, `core.user_disabled`, `core.system_role_immutable`, `core.role_key_taken`, `core.role_in_use`, `core.own_access`, `core.totp_already_enrolled`, `core.totp_not_enrolled`, `core.passkey_already_registered`, `core.passkey_unavailable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `core.wrong_password`, `core.unknown_permission`, `core.invalid_code`, `core.passkey_registration_failed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many attempts: wait as `Retry-After` says (`rate_limited`). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth.passwordResetConfirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description At least 12 characters, not one of the most common passwords, and not containing the e-mail name or the organisation's name (problem `weak_password`) */
                    password: string;
                    token: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `core.user_has_password`, `core.user_disabled`, `core.system_role_immutable`, `core.role_key_taken`, `core.role_in_use`, `core.own_access`, `core.totp_already_enrolled`, `core.totp_not_enrolled`, `core.passkey_already_registered`, `core.passkey_unavailable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `core.wrong_password`, `core.unknown_permission`, `core.invalid_code`, `core.passkey_registration_failed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth.refresh": {
        parameters: {
            query?: never;
            header?: {
                /** @description The refresh token travels in an HttpOnly, SameSite=Strict cookie scoped to the auth routes instead of the JSON body. */
                "x-token-transport"?: "cookie";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    refreshToken?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        /** @description Seconds until the access token expires. */
                        expiresIn: number;
                        /** @description Absent when the request asked for it in the HttpOnly cookie (`x-token-transport: cookie`). */
                        refreshToken?: string;
                        /** @enum {string} */
                        tokenType: "Bearer";
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `core.user_has_password`, `core.user_disabled`, `core.system_role_immutable`, `core.role_key_taken`, `core.role_in_use`, `core.own_access`, `core.totp_already_enrolled`, `core.totp_not_enrolled`, `core.passkey_already_registered`, `core.passkey_unavailable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `core.wrong_password`, `core.unknown_permission`, `core.invalid_code`, `core.passkey_registration_failed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth.sso.start": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                providerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A redirect (302), with no body: see `Location` */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth.sso.callback": {
        parameters: {
            query?: {
                code?: string;
                error?: string;
                error_description?: string;
                iss?: string;
                session_state?: string;
                state?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A redirect (302), with no body: see `Location` */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth.sso.discover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        providerId: string | null;
                        providers: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            required: boolean;
                        }[];
                        required: boolean;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `core.user_has_password`, `core.user_disabled`, `core.system_role_immutable`, `core.role_key_taken`, `core.role_in_use`, `core.own_access`, `core.totp_already_enrolled`, `core.totp_not_enrolled`, `core.passkey_already_registered`, `core.passkey_unavailable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `core.wrong_password`, `core.unknown_permission`, `core.invalid_code`, `core.passkey_registration_failed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth.sso.providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                    };
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth.stepUp": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The 6-digit code the authenticator app shows now, or one of the recovery codes (each works once) */
                    code: string;
                };
            };
        };
        responses: {
            /** @description The result, showing its secret this once; a retry with the same Idempotency-Key gets an IdempotentReplay instead. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        /** @description Seconds until the access token expires. */
                        expiresIn: number;
                        /** @enum {string} */
                        tokenType: "Bearer";
                    } | {
                        detail: string;
                        /** @description The id of the resource the first request created or changed. */
                        id: string;
                        /** @enum {boolean} */
                        replayed: true;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `core.user_has_password`, `core.user_disabled`, `core.system_role_immutable`, `core.role_key_taken`, `core.role_in_use`, `core.own_access`, `core.totp_already_enrolled`, `core.totp_not_enrolled`, `core.passkey_already_registered`, `core.passkey_unavailable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `core.wrong_password`, `core.unknown_permission`, `core.invalid_code`, `core.passkey_registration_failed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many attempts: wait as `Retry-After` says (`rate_limited`). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth.stepUp.passkey": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description What the browser answered `navigator.credentials.get` with, as JSON (`PublicKeyCredential.toJSON()`) */
                    response: {
                        authenticatorAttachment?: string;
                        /** @description The client extension results, as the browser gave them */
                        clientExtensionResults: {
                            [key: string]: unknown;
                        };
                        /** @description The credential id */
                        id: string;
                        /** @description The credential id */
                        rawId: string;
                        response: {
                            /** @description The authenticator data */
                            authenticatorData: string;
                            /** @description The client data the browser made */
                            clientDataJSON: string;
                            /** @description The signature over the authenticator data and the client data hash */
                            signature: string;
                            /** @description The user handle of a discoverable credential */
                            userHandle?: string;
                        };
                        /** @enum {string} */
                        type: "public-key";
                    };
                };
            };
        };
        responses: {
            /** @description The result, showing its secret this once; a retry with the same Idempotency-Key gets an IdempotentReplay instead. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        /** @description Seconds until the access token expires. */
                        expiresIn: number;
                        /** @enum {string} */
                        tokenType: "Bearer";
                    } | {
                        detail: string;
                        /** @description The id of the resource the first request created or changed. */
                        id: string;
                        /** @enum {boolean} */
                        replayed: true;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `core.user_has_password`, `core.user_disabled`, `core.system_role_immutable`, `core.role_key_taken`, `core.role_in_use`, `core.own_access`, `core.totp_already_enrolled`, `core.totp_not_enrolled`, `core.passkey_already_registered`, `core.passkey_unavailable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `core.wrong_password`, `core.unknown_permission`, `core.invalid_code`, `core.passkey_registration_failed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth.stepUp.passkey.options": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description WebAuthn request options (`PublicKeyCredentialRequestOptionsJSON`) for `navigator.credentials.get` (@simplewebauthn/browser startAuthentication); the challenge is valid 5 minutes, once */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        challenge: string;
                        rpId?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `core.user_has_password`, `core.user_disabled`, `core.system_role_immutable`, `core.role_key_taken`, `core.role_in_use`, `core.own_access`, `core.totp_already_enrolled`, `core.totp_not_enrolled`, `core.passkey_already_registered`, `core.passkey_unavailable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `core.wrong_password`, `core.unknown_permission`, `core.invalid_code`, `core.passkey_registration_failed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.accounts.list": {
        parameters: {
            query: {
                cursor?: string;
                includeArchived?: boolean;
                limit: number;
                type?: "asset" | "liability" | "equity" | "income" | "expense";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            archived: boolean;
                            archivedAt: string | null;
                            code: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @description Set on the accounts the platform posts to itself (receivable, bank, levy_income …). */
                            systemKey: string | null;
                            /** @enum {unknown} */
                            type: "asset" | "liability" | "equity" | "income" | "expense";
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.accounts.create": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Unique in the tenant: letters, digits, dots and dashes, up to 20. */
                    code: string;
                    name: string;
                    /** @enum {unknown} */
                    type: "asset" | "liability" | "equity" | "income" | "expense";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        archived: boolean;
                        archivedAt: string | null;
                        code: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: uuid */
                        id: string;
                        name: string;
                        /** @description Set on the accounts the platform posts to itself (receivable, bank, levy_income …). */
                        systemKey: string | null;
                        /** @enum {unknown} */
                        type: "asset" | "liability" | "equity" | "income" | "expense";
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `finance.charge_already_void`, `finance.charge_written_off`, `finance.charge_owes_nothing`, `finance.nothing_owed`, `finance.refund_exceeds_credit`, `finance.system_account`, `finance.entry_not_manual`, `finance.entry_already_reversed`, `finance.schedule_overlap`, `finance.billing_run_in_progress`, `finance.bank_line_not_credit`, `finance.bank_line_duplicate`, `finance.bank_line_other_member`, `finance.card_payments_disabled`, `finance.stripe_keys_unreadable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `finance.entry_unbalanced`, `finance.provider_refused`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.accounts.update": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description An archived account takes no new manual entries; system accounts cannot be archived. */
                    archived?: boolean;
                    name?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        archived: boolean;
                        archivedAt: string | null;
                        code: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: uuid */
                        id: string;
                        name: string;
                        /** @description Set on the accounts the platform posts to itself (receivable, bank, levy_income …). */
                        systemKey: string | null;
                        /** @enum {unknown} */
                        type: "asset" | "liability" | "equity" | "income" | "expense";
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `finance.charge_already_void`, `finance.charge_written_off`, `finance.charge_owes_nothing`, `finance.nothing_owed`, `finance.refund_exceeds_credit`, `finance.system_account`, `finance.entry_not_manual`, `finance.entry_already_reversed`, `finance.schedule_overlap`, `finance.billing_run_in_progress`, `finance.bank_line_not_credit`, `finance.bank_line_duplicate`, `finance.bank_line_other_member`, `finance.card_payments_disabled`, `finance.stripe_keys_unreadable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `finance.entry_unbalanced`, `finance.provider_refused`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.accounts.ledger": {
        parameters: {
            query?: {
                /** @description First day (inclusive); default 1 January of the year of `to`. */
                from?: string;
                /** @description Last day (inclusive); default today. */
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        account: {
                            archived: boolean;
                            archivedAt: string | null;
                            code: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @description Set on the accounts the platform posts to itself (receivable, bank, levy_income …). */
                            systemKey: string | null;
                            /** @enum {unknown} */
                            type: "asset" | "liability" | "equity" | "income" | "expense";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                        /** @description Per currency, the balance at the end of `to`. */
                        closing: {
                            /** @description Debit positive. */
                            balance: number;
                            /** @description ISO 4217 code, e.g. EUR. */
                            currency: string;
                        }[];
                        /** Format: date */
                        from: string;
                        lines: {
                            amount: number;
                            /** @description The running balance in the line’s currency after it. */
                            balance: number;
                            chargeId: string | null;
                            /** @description ISO 4217 code, e.g. EUR. */
                            currency: string;
                            /** Format: date */
                            date: string;
                            description: string;
                            /** Format: uuid */
                            entryId: string;
                            kind: string;
                            lineNo: number;
                            memberId: string | null;
                        }[];
                        /** @description Per currency, the balance of everything before `from`. */
                        opening: {
                            /** @description Debit positive. */
                            balance: number;
                            /** @description ISO 4217 code, e.g. EUR. */
                            currency: string;
                        }[];
                        /** Format: date */
                        to: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.allocations.create": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Charges to settle, in this order. Omitted: the member’s open charges, oldest due first. */
                    allocations?: {
                        /** @description Default: what the charge owes, as far as the money goes. */
                        amount?: number;
                        /** Format: uuid */
                        chargeId: string;
                    }[];
                    /** @description ISO 4217 code, e.g. EUR. */
                    currency: string;
                    /**
                     * Format: date
                     * @description Default today.
                     */
                    date?: string;
                    /** Format: uuid */
                    memberId: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        allocations: {
                            amount: number;
                            /** Format: uuid */
                            chargeId: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description ISO 4217 code, e.g. EUR. */
                            currency: string;
                            /** Format: uuid */
                            entryId: string;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            memberId: string;
                            /** @description The payment whose money it was, when known (credit may pool several payments). */
                            paymentId: string | null;
                            /** @description Set when the allocation went back to credit (its charge was voided). */
                            releasedEntryId: string | null;
                        }[];
                        /** @description The member’s credit in the currency left afterwards. */
                        memberCredit: number;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `finance.charge_already_void`, `finance.charge_written_off`, `finance.charge_owes_nothing`, `finance.nothing_owed`, `finance.refund_exceeds_credit`, `finance.system_account`, `finance.entry_not_manual`, `finance.entry_already_reversed`, `finance.schedule_overlap`, `finance.billing_run_in_progress`, `finance.bank_line_not_credit`, `finance.bank_line_duplicate`, `finance.bank_line_other_member`, `finance.card_payments_disabled`, `finance.stripe_keys_unreadable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `finance.entry_unbalanced`, `finance.provider_refused`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.bankImports.list": {
        parameters: {
            query: {
                cursor?: string;
                limit: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: date-time */
                            createdAt: string;
                            currency: string;
                            filename: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @description The mapping and formats the file was read with. */
                            settings: {
                                [key: string]: unknown;
                            };
                            summary: {
                                credits: number;
                                creditTotal: number;
                                debits: number;
                                debitTotal: number;
                                duplicates: number;
                                lines: number;
                                matched: number;
                                /** @description Open credits with a proposed member. */
                                proposed: number;
                            };
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.bankImports.create": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The statement as exported by the bank (UTF-8), with a header row. */
                    csv: string;
                    /** @description ISO 4217 code of the account, e.g. EUR. */
                    currency: string;
                    /**
                     * @default YYYY-MM-DD
                     * @enum {unknown}
                     */
                    dateFormat?: "YYYY-MM-DD" | "DD/MM/YYYY" | "MM/DD/YYYY";
                    /**
                     * @default .
                     * @enum {unknown}
                     */
                    decimalSeparator?: "." | ",";
                    /**
                     * @description Omitted: the most frequent of comma, semicolon and tab in the header row.
                     * @enum {unknown}
                     */
                    delimiter?: "," | ";" | "\t";
                    filename?: string;
                    mapping: {
                        /** @description Signed: negative is money out. */
                        amount: string;
                        /** @description A column name of the header row (case and surrounding spaces ignored). */
                        date: string;
                        /** @description A column name of the header row (case and surrounding spaces ignored). */
                        description?: string;
                        /** @description A column name of the header row (case and surrounding spaces ignored). */
                        payer?: string;
                        /** @description A column name of the header row (case and surrounding spaces ignored). */
                        reference: string;
                    };
                    /**
                     * @description Lines above the header row to skip.
                     * @default 0
                     */
                    skipLines?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        currency: string;
                        filename: string | null;
                        /** Format: uuid */
                        id: string;
                        lines: {
                            /** @description Minor units, positive; direction says in or out. */
                            amount: number;
                            /** Format: date */
                            bookedOn: string;
                            currency: string;
                            description: string | null;
                            /** @enum {unknown} */
                            direction: "credit" | "debit";
                            duplicateOf: string | null;
                            /** Format: uuid */
                            id: string;
                            matchedAt: string | null;
                            memberId: string | null;
                            payer: string | null;
                            paymentId: string | null;
                            proposal: {
                                allocations: {
                                    amount: number;
                                    /** Format: uuid */
                                    chargeId: string;
                                }[] | null;
                                candidates: {
                                    /** Format: uuid */
                                    memberId: string;
                                    memberName: string;
                                    /** @enum {unknown} */
                                    rule: "charge_id" | "member_id" | "member_email" | "member_name" | "amount_only";
                                }[];
                                confidence: number;
                                memberId: string | null;
                                memberName: string | null;
                                reasons: string[];
                                rule: ("charge_id" | "member_id" | "member_email" | "member_name" | "amount_only") | null;
                            } | null;
                            reference: string;
                            /** @description The line of the file. */
                            row: number;
                            /**
                             * @description open: awaiting confirmation; matched: recorded as a payment; duplicate: imported before; ignored: money out.
                             * @enum {unknown}
                             */
                            status: "open" | "matched" | "duplicate" | "ignored";
                        }[];
                        /** @description The mapping and formats the file was read with. */
                        settings: {
                            [key: string]: unknown;
                        };
                        /** @description Rows of amount zero, left out (on the answer to the upload only). */
                        skippedRows?: number;
                        summary: {
                            credits: number;
                            creditTotal: number;
                            debits: number;
                            debitTotal: number;
                            duplicates: number;
                            lines: number;
                            matched: number;
                            /** @description Open credits with a proposed member. */
                            proposed: number;
                        };
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `finance.charge_already_void`, `finance.charge_written_off`, `finance.charge_owes_nothing`, `finance.nothing_owed`, `finance.refund_exceeds_credit`, `finance.system_account`, `finance.entry_not_manual`, `finance.entry_already_reversed`, `finance.schedule_overlap`, `finance.billing_run_in_progress`, `finance.bank_line_not_credit`, `finance.bank_line_duplicate`, `finance.bank_line_other_member`, `finance.card_payments_disabled`, `finance.stripe_keys_unreadable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `finance.entry_unbalanced`, `finance.provider_refused`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.bankImports.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        currency: string;
                        filename: string | null;
                        /** Format: uuid */
                        id: string;
                        lines: {
                            /** @description Minor units, positive; direction says in or out. */
                            amount: number;
                            /** Format: date */
                            bookedOn: string;
                            currency: string;
                            description: string | null;
                            /** @enum {unknown} */
                            direction: "credit" | "debit";
                            duplicateOf: string | null;
                            /** Format: uuid */
                            id: string;
                            matchedAt: string | null;
                            memberId: string | null;
                            payer: string | null;
                            paymentId: string | null;
                            proposal: {
                                allocations: {
                                    amount: number;
                                    /** Format: uuid */
                                    chargeId: string;
                                }[] | null;
                                candidates: {
                                    /** Format: uuid */
                                    memberId: string;
                                    memberName: string;
                                    /** @enum {unknown} */
                                    rule: "charge_id" | "member_id" | "member_email" | "member_name" | "amount_only";
                                }[];
                                confidence: number;
                                memberId: string | null;
                                memberName: string | null;
                                reasons: string[];
                                rule: ("charge_id" | "member_id" | "member_email" | "member_name" | "amount_only") | null;
                            } | null;
                            reference: string;
                            /** @description The line of the file. */
                            row: number;
                            /**
                             * @description open: awaiting confirmation; matched: recorded as a payment; duplicate: imported before; ignored: money out.
                             * @enum {unknown}
                             */
                            status: "open" | "matched" | "duplicate" | "ignored";
                        }[];
                        /** @description The mapping and formats the file was read with. */
                        settings: {
                            [key: string]: unknown;
                        };
                        /** @description Rows of amount zero, left out (on the answer to the upload only). */
                        skippedRows?: number;
                        summary: {
                            credits: number;
                            creditTotal: number;
                            debits: number;
                            debitTotal: number;
                            duplicates: number;
                            lines: number;
                            matched: number;
                            /** @description Open credits with a proposed member. */
                            proposed: number;
                        };
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.bankImports.confirm": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    lines: {
                        /** @description Charges to settle, in order. Omitted: oldest due first. */
                        allocations?: {
                            amount?: number;
                            /** Format: uuid */
                            chargeId: string;
                        }[];
                        /** Format: uuid */
                        lineId: string;
                        /** Format: uuid */
                        memberId: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        importId: string;
                        results: {
                            allocations: {
                                amount: number;
                                /** Format: uuid */
                                chargeId: string;
                            }[];
                            /** @description false: the line had been confirmed before; its payment is the one recorded then. */
                            created: boolean;
                            /** Format: uuid */
                            lineId: string;
                            /** Format: uuid */
                            memberId: string;
                            /** Format: uuid */
                            paymentId: string;
                        }[];
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `finance.charge_already_void`, `finance.charge_written_off`, `finance.charge_owes_nothing`, `finance.nothing_owed`, `finance.refund_exceeds_credit`, `finance.system_account`, `finance.entry_not_manual`, `finance.entry_already_reversed`, `finance.schedule_overlap`, `finance.billing_run_in_progress`, `finance.bank_line_not_credit`, `finance.bank_line_duplicate`, `finance.bank_line_other_member`, `finance.card_payments_disabled`, `finance.stripe_keys_unreadable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `finance.entry_unbalanced`, `finance.provider_refused`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.billingRuns.list": {
        parameters: {
            query: {
                cursor?: string;
                limit: number;
                /** @description A month, YYYY-MM. */
                period?: string;
                status?: "queued" | "running" | "completed" | "failed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            counts: {
                                created: number;
                                /** @description Found already created (by an earlier run) and left as they were. */
                                existing: number;
                                /** @description Refused by the database; see errors. A later run of the month tries them again. */
                                failed: number;
                                pending: number;
                                /** @description Charges in the plan: to create, or found already created. */
                                planned: number;
                                /** @description Lines not charged, with a reason (see the run’s items). */
                                skipped: number;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            errors: {
                                message: string;
                                naturalKey: string | null;
                            }[];
                            finishedAt: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @description A month, YYYY-MM. */
                            period: string;
                            requestedBy: string | null;
                            scheduleIds: string[] | null;
                            startedAt: string | null;
                            /** @enum {unknown} */
                            status: "queued" | "running" | "completed" | "failed";
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.billingRuns.start": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description true: answer what the run would charge and skip, and write nothing. */
                    dryRun: boolean;
                    /** @description The month to bill, YYYY-MM, or any date within it. */
                    period: string;
                    /** @description Only these schedules (paused ones too). Default: every active schedule. */
                    scheduleIds?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Every charge the run would create. */
                        charges: {
                            amount: number | null;
                            currency: string | null;
                            description: string | null;
                            dueDate: string | null;
                            /** @enum {unknown} */
                            kind: "levy" | "rent";
                            leaseId: string | null;
                            memberId: string | null;
                            naturalKey: string;
                            periodEnd: string | null;
                            periodStart: string | null;
                            /** Format: uuid */
                            scheduleId: string;
                            unitId: string | null;
                        }[];
                        /** @enum {boolean} */
                        dryRun: true;
                        /** @description A month, YYYY-MM. */
                        period: string;
                        schedules: {
                            /** Format: uuid */
                            id: string;
                            /** @enum {unknown} */
                            kind: "levy" | "rent";
                            name: string;
                        }[];
                        /** @description What it would not charge, and why. */
                        skipped: {
                            amount: number | null;
                            chargeId: string | null;
                            currency: string | null;
                            description: string | null;
                            detail: string;
                            dueDate: string | null;
                            /** @enum {unknown} */
                            kind: "levy" | "rent";
                            leaseId: string | null;
                            memberId: string | null;
                            periodEnd: string | null;
                            periodStart: string | null;
                            /** @enum {unknown} */
                            reason: "no_share" | "no_owner" | "no_renter" | "zero_amount" | "already_charged" | "billed_to_others";
                            /** Format: uuid */
                            scheduleId: string;
                            unitId: string | null;
                        }[];
                        totals: {
                            amount: number;
                            charges: number;
                            currency: string;
                        }[];
                    };
                };
            };
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        counts: {
                            created: number;
                            /** @description Found already created (by an earlier run) and left as they were. */
                            existing: number;
                            /** @description Refused by the database; see errors. A later run of the month tries them again. */
                            failed: number;
                            pending: number;
                            /** @description Charges in the plan: to create, or found already created. */
                            planned: number;
                            /** @description Lines not charged, with a reason (see the run’s items). */
                            skipped: number;
                        };
                        /** Format: date-time */
                        createdAt: string;
                        errors: {
                            message: string;
                            naturalKey: string | null;
                        }[];
                        finishedAt: string | null;
                        /** Format: uuid */
                        id: string;
                        /** @description A month, YYYY-MM. */
                        period: string;
                        requestedBy: string | null;
                        scheduleIds: string[] | null;
                        startedAt: string | null;
                        /** @enum {unknown} */
                        status: "queued" | "running" | "completed" | "failed";
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `finance.charge_already_void`, `finance.charge_written_off`, `finance.charge_owes_nothing`, `finance.nothing_owed`, `finance.refund_exceeds_credit`, `finance.system_account`, `finance.entry_not_manual`, `finance.entry_already_reversed`, `finance.schedule_overlap`, `finance.billing_run_in_progress`, `finance.bank_line_not_credit`, `finance.bank_line_duplicate`, `finance.bank_line_other_member`, `finance.card_payments_disabled`, `finance.stripe_keys_unreadable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `finance.entry_unbalanced`, `finance.provider_refused`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.billingRuns.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        counts: {
                            created: number;
                            /** @description Found already created (by an earlier run) and left as they were. */
                            existing: number;
                            /** @description Refused by the database; see errors. A later run of the month tries them again. */
                            failed: number;
                            pending: number;
                            /** @description Charges in the plan: to create, or found already created. */
                            planned: number;
                            /** @description Lines not charged, with a reason (see the run’s items). */
                            skipped: number;
                        };
                        /** Format: date-time */
                        createdAt: string;
                        errors: {
                            message: string;
                            naturalKey: string | null;
                        }[];
                        finishedAt: string | null;
                        /** Format: uuid */
                        id: string;
                        /** @description A month, YYYY-MM. */
                        period: string;
                        requestedBy: string | null;
                        scheduleIds: string[] | null;
                        startedAt: string | null;
                        /** @enum {unknown} */
                        status: "queued" | "running" | "completed" | "failed";
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.billingRuns.items": {
        parameters: {
            query: {
                cursor?: string;
                limit: number;
                status?: "pending" | "created" | "existing" | "skipped" | "failed";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            amount: number | null;
                            chargeId: string | null;
                            currency: string | null;
                            description: string | null;
                            detail: string | null;
                            dueDate: string | null;
                            /** @enum {unknown} */
                            kind: "levy" | "rent";
                            leaseId: string | null;
                            memberId: string | null;
                            naturalKey: string | null;
                            periodEnd: string | null;
                            periodStart: string | null;
                            reason: string | null;
                            /** Format: uuid */
                            scheduleId: string;
                            seq: number;
                            /** @enum {unknown} */
                            status: "pending" | "created" | "existing" | "skipped" | "failed";
                            unitId: string | null;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.charges.list": {
        parameters: {
            query: {
                /** @description ISO 4217 code, e.g. EUR. */
                currency?: string;
                cursor?: string;
                /** @description Due after this day (exclusive). */
                dueAfter?: string;
                /** @description Due before this day (exclusive). */
                dueBefore?: string;
                kind?: "levy" | "rent" | "service" | "utility" | "fee" | "deposit" | "other";
                /** @description Charges under this lease. */
                leaseId?: string;
                limit: number;
                /** @description The member’s charges. */
                memberId?: string;
                /** @description true: charges with something left to pay (open or partially paid). */
                outstanding?: boolean;
                /** @description Matches the description. */
                q?: string;
                sort?: "dueDate" | "-dueDate" | "createdAt" | "-createdAt";
                status?: "open" | "partially_paid" | "paid" | "written_off" | "void";
                /** @description Charges for this unit. */
                unitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @description Settled by payments (allocations not released). */
                            allocated: number;
                            amount: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description ISO 4217 code, e.g. EUR. */
                            currency: string;
                            description: string;
                            /** Format: date */
                            dueDate: string;
                            /** Format: uuid */
                            entryId: string;
                            /** Format: uuid */
                            id: string;
                            /** @enum {unknown} */
                            kind: "levy" | "rent" | "service" | "utility" | "fee" | "deposit" | "other";
                            leaseId: string | null;
                            /** Format: uuid */
                            memberId: string;
                            naturalKey: string | null;
                            /** @description amount − allocated − writtenOff; 0 once void. */
                            outstanding: number;
                            periodEnd: string | null;
                            periodStart: string | null;
                            /** @enum {unknown} */
                            status: "open" | "partially_paid" | "paid" | "written_off" | "void";
                            unitId: string | null;
                            voidEntryId: string | null;
                            writtenOff: number;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.charges.create": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Positive integer minor units (cents), at most 10^13. */
                    amount: number;
                    /** @description ISO 4217 code, e.g. EUR. */
                    currency: string;
                    description: string;
                    /** Format: date */
                    dueDate: string;
                    /** @enum {unknown} */
                    kind: "levy" | "rent" | "service" | "utility" | "fee" | "deposit" | "other";
                    /** Format: uuid */
                    leaseId?: string;
                    /** Format: uuid */
                    memberId: string;
                    /** Format: date */
                    periodEnd?: string;
                    /** Format: date */
                    periodStart?: string;
                    /** Format: uuid */
                    unitId?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Settled by payments (allocations not released). */
                        allocated: number;
                        allocations: {
                            amount: number;
                            /** Format: uuid */
                            chargeId: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description ISO 4217 code, e.g. EUR. */
                            currency: string;
                            /** Format: uuid */
                            entryId: string;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            memberId: string;
                            /** @description The payment whose money it was, when known (credit may pool several payments). */
                            paymentId: string | null;
                            /** @description Set when the allocation went back to credit (its charge was voided). */
                            releasedEntryId: string | null;
                        }[];
                        amount: number;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description ISO 4217 code, e.g. EUR. */
                        currency: string;
                        description: string;
                        /** Format: date */
                        dueDate: string;
                        /** Format: uuid */
                        entryId: string;
                        /** Format: uuid */
                        id: string;
                        /** @enum {unknown} */
                        kind: "levy" | "rent" | "service" | "utility" | "fee" | "deposit" | "other";
                        leaseId: string | null;
                        /** Format: uuid */
                        memberId: string;
                        naturalKey: string | null;
                        /** @description amount − allocated − writtenOff; 0 once void. */
                        outstanding: number;
                        periodEnd: string | null;
                        periodStart: string | null;
                        /** @enum {unknown} */
                        status: "open" | "partially_paid" | "paid" | "written_off" | "void";
                        unitId: string | null;
                        voidEntryId: string | null;
                        writtenOff: number;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `finance.charge_already_void`, `finance.charge_written_off`, `finance.charge_owes_nothing`, `finance.nothing_owed`, `finance.refund_exceeds_credit`, `finance.system_account`, `finance.entry_not_manual`, `finance.entry_already_reversed`, `finance.schedule_overlap`, `finance.billing_run_in_progress`, `finance.bank_line_not_credit`, `finance.bank_line_duplicate`, `finance.bank_line_other_member`, `finance.card_payments_disabled`, `finance.stripe_keys_unreadable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `finance.entry_unbalanced`, `finance.provider_refused`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.charges.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Settled by payments (allocations not released). */
                        allocated: number;
                        allocations: {
                            amount: number;
                            /** Format: uuid */
                            chargeId: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description ISO 4217 code, e.g. EUR. */
                            currency: string;
                            /** Format: uuid */
                            entryId: string;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            memberId: string;
                            /** @description The payment whose money it was, when known (credit may pool several payments). */
                            paymentId: string | null;
                            /** @description Set when the allocation went back to credit (its charge was voided). */
                            releasedEntryId: string | null;
                        }[];
                        amount: number;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description ISO 4217 code, e.g. EUR. */
                        currency: string;
                        description: string;
                        /** Format: date */
                        dueDate: string;
                        /** Format: uuid */
                        entryId: string;
                        /** Format: uuid */
                        id: string;
                        /** @enum {unknown} */
                        kind: "levy" | "rent" | "service" | "utility" | "fee" | "deposit" | "other";
                        leaseId: string | null;
                        /** Format: uuid */
                        memberId: string;
                        naturalKey: string | null;
                        /** @description amount − allocated − writtenOff; 0 once void. */
                        outstanding: number;
                        periodEnd: string | null;
                        periodStart: string | null;
                        /** @enum {unknown} */
                        status: "open" | "partially_paid" | "paid" | "written_off" | "void";
                        unitId: string | null;
                        voidEntryId: string | null;
                        writtenOff: number;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.charges.void": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description Default today; not before the charge was posted.
                     */
                    date?: string;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Settled by payments (allocations not released). */
                        allocated: number;
                        allocations: {
                            amount: number;
                            /** Format: uuid */
                            chargeId: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description ISO 4217 code, e.g. EUR. */
                            currency: string;
                            /** Format: uuid */
                            entryId: string;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            memberId: string;
                            /** @description The payment whose money it was, when known (credit may pool several payments). */
                            paymentId: string | null;
                            /** @description Set when the allocation went back to credit (its charge was voided). */
                            releasedEntryId: string | null;
                        }[];
                        amount: number;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description ISO 4217 code, e.g. EUR. */
                        currency: string;
                        description: string;
                        /** Format: date */
                        dueDate: string;
                        /** Format: uuid */
                        entryId: string;
                        /** Format: uuid */
                        id: string;
                        /** @enum {unknown} */
                        kind: "levy" | "rent" | "service" | "utility" | "fee" | "deposit" | "other";
                        leaseId: string | null;
                        /** Format: uuid */
                        memberId: string;
                        naturalKey: string | null;
                        /** @description amount − allocated − writtenOff; 0 once void. */
                        outstanding: number;
                        periodEnd: string | null;
                        periodStart: string | null;
                        /** @enum {unknown} */
                        status: "open" | "partially_paid" | "paid" | "written_off" | "void";
                        unitId: string | null;
                        voidEntryId: string | null;
                        writtenOff: number;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `finance.charge_already_void`, `finance.charge_written_off`, `finance.charge_owes_nothing`, `finance.nothing_owed`, `finance.refund_exceeds_credit`, `finance.system_account`, `finance.entry_not_manual`, `finance.entry_already_reversed`, `finance.schedule_overlap`, `finance.billing_run_in_progress`, `finance.bank_line_not_credit`, `finance.bank_line_duplicate`, `finance.bank_line_other_member`, `finance.card_payments_disabled`, `finance.stripe_keys_unreadable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `finance.entry_unbalanced`, `finance.provider_refused`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.charges.writeOff": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Default: all that is outstanding. */
                    amount?: number;
                    /**
                     * Format: date
                     * @description Default today; not before the charge was posted.
                     */
                    date?: string;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Settled by payments (allocations not released). */
                        allocated: number;
                        allocations: {
                            amount: number;
                            /** Format: uuid */
                            chargeId: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description ISO 4217 code, e.g. EUR. */
                            currency: string;
                            /** Format: uuid */
                            entryId: string;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            memberId: string;
                            /** @description The payment whose money it was, when known (credit may pool several payments). */
                            paymentId: string | null;
                            /** @description Set when the allocation went back to credit (its charge was voided). */
                            releasedEntryId: string | null;
                        }[];
                        amount: number;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description ISO 4217 code, e.g. EUR. */
                        currency: string;
                        description: string;
                        /** Format: date */
                        dueDate: string;
                        /** Format: uuid */
                        entryId: string;
                        /** Format: uuid */
                        id: string;
                        /** @enum {unknown} */
                        kind: "levy" | "rent" | "service" | "utility" | "fee" | "deposit" | "other";
                        leaseId: string | null;
                        /** Format: uuid */
                        memberId: string;
                        naturalKey: string | null;
                        /** @description amount − allocated − writtenOff; 0 once void. */
                        outstanding: number;
                        periodEnd: string | null;
                        periodStart: string | null;
                        /** @enum {unknown} */
                        status: "open" | "partially_paid" | "paid" | "written_off" | "void";
                        unitId: string | null;
                        voidEntryId: string | null;
                        writtenOff: number;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `finance.charge_already_void`, `finance.charge_written_off`, `finance.charge_owes_nothing`, `finance.nothing_owed`, `finance.refund_exceeds_credit`, `finance.system_account`, `finance.entry_not_manual`, `finance.entry_already_reversed`, `finance.schedule_overlap`, `finance.billing_run_in_progress`, `finance.bank_line_not_credit`, `finance.bank_line_duplicate`, `finance.bank_line_other_member`, `finance.card_payments_disabled`, `finance.stripe_keys_unreadable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `finance.entry_unbalanced`, `finance.provider_refused`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.checkoutSessions.create": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description An http(s) URL; Stripe replaces {CHECKOUT_SESSION_ID} in it. */
                    cancelUrl: string;
                    /** @description Open charges to pay, in one currency. Omitted: the member’s whole balance. */
                    chargeIds?: string[];
                    /** Format: uuid */
                    memberId: string;
                    /** @description An http(s) URL; Stripe replaces {CHECKOUT_SESSION_ID} in it. */
                    successUrl: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Minor units. */
                        amount: number;
                        charges: {
                            amount: number;
                            /** Format: uuid */
                            chargeId: string;
                        }[];
                        /** Format: date-time */
                        createdAt: string;
                        currency: string;
                        expiresAt: string | null;
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        memberId: string;
                        paymentId: string | null;
                        /** @enum {string} */
                        provider: "stripe";
                        providerSessionId: string;
                        /**
                         * @description balance: settles the member’s charges oldest due first; charges: the chosen ones.
                         * @enum {unknown}
                         */
                        scope: "balance" | "charges";
                        /** @enum {unknown} */
                        status: "open" | "completed" | "expired" | "failed";
                        /** @description Where to send the payer: the provider’s hosted checkout page. */
                        url: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `finance.charge_already_void`, `finance.charge_written_off`, `finance.charge_owes_nothing`, `finance.nothing_owed`, `finance.refund_exceeds_credit`, `finance.system_account`, `finance.entry_not_manual`, `finance.entry_already_reversed`, `finance.schedule_overlap`, `finance.billing_run_in_progress`, `finance.bank_line_not_credit`, `finance.bank_line_duplicate`, `finance.bank_line_other_member`, `finance.card_payments_disabled`, `finance.stripe_keys_unreadable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `finance.entry_unbalanced`, `finance.provider_refused`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.checkoutSessions.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Minor units. */
                        amount: number;
                        charges: {
                            amount: number;
                            /** Format: uuid */
                            chargeId: string;
                        }[];
                        /** Format: date-time */
                        createdAt: string;
                        currency: string;
                        expiresAt: string | null;
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        memberId: string;
                        paymentId: string | null;
                        /** @enum {string} */
                        provider: "stripe";
                        providerSessionId: string;
                        /**
                         * @description balance: settles the member’s charges oldest due first; charges: the chosen ones.
                         * @enum {unknown}
                         */
                        scope: "balance" | "charges";
                        /** @enum {unknown} */
                        status: "open" | "completed" | "expired" | "failed";
                        /** @description Where to send the payer: the provider’s hosted checkout page. */
                        url: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.journal.list": {
        parameters: {
            query: {
                /** @description Entries with a line on this account. */
                accountId?: string;
                cursor?: string;
                /** @description Entries dated on or after. */
                from?: string;
                kind?: string;
                limit: number;
                /** @description Entries with a line concerning this member. */
                memberId?: string;
                sort?: "-date" | "date";
                /** @description Entries dated on or before. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            /** Format: date */
                            date: string;
                            description: string;
                            /** Format: uuid */
                            id: string;
                            /** @description What posted it: manual, charge, payment, allocation, allocation_release, void, write_off, refund, reversal, late_fee … */
                            kind: string;
                            lines: {
                                accountCode: string;
                                /** Format: uuid */
                                accountId: string;
                                accountName: string;
                                /** @description Debit positive, credit negative. */
                                amount: number;
                                chargeId: string | null;
                                /** @description ISO 4217 code, e.g. EUR. */
                                currency: string;
                                leaseId: string | null;
                                lineNo: number;
                                memberId: string | null;
                                unitId: string | null;
                            }[];
                            /** @description The entry that reverses this one. */
                            reversedById: string | null;
                            /** @description The entry this one reverses. */
                            reversesId: string | null;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.journal.create": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date */
                    date: string;
                    description: string;
                    /** @description Balanced per currency. Not the receivable nor the member-credit account: charges and payments keep those. */
                    lines: {
                        /** Format: uuid */
                        accountId: string;
                        /** @description Integer minor units: debit positive, credit negative, never 0; at most 10^13 either way. */
                        amount: number;
                        /** @description ISO 4217 code, e.g. EUR. */
                        currency: string;
                        /** Format: uuid */
                        leaseId?: string;
                        /** Format: uuid */
                        memberId?: string;
                        /** Format: uuid */
                        unitId?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        createdBy: string | null;
                        /** Format: date */
                        date: string;
                        description: string;
                        /** Format: uuid */
                        id: string;
                        /** @description What posted it: manual, charge, payment, allocation, allocation_release, void, write_off, refund, reversal, late_fee … */
                        kind: string;
                        lines: {
                            accountCode: string;
                            /** Format: uuid */
                            accountId: string;
                            accountName: string;
                            /** @description Debit positive, credit negative. */
                            amount: number;
                            chargeId: string | null;
                            /** @description ISO 4217 code, e.g. EUR. */
                            currency: string;
                            leaseId: string | null;
                            lineNo: number;
                            memberId: string | null;
                            unitId: string | null;
                        }[];
                        /** @description The entry that reverses this one. */
                        reversedById: string | null;
                        /** @description The entry this one reverses. */
                        reversesId: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `finance.charge_already_void`, `finance.charge_written_off`, `finance.charge_owes_nothing`, `finance.nothing_owed`, `finance.refund_exceeds_credit`, `finance.system_account`, `finance.entry_not_manual`, `finance.entry_already_reversed`, `finance.schedule_overlap`, `finance.billing_run_in_progress`, `finance.bank_line_not_credit`, `finance.bank_line_duplicate`, `finance.bank_line_other_member`, `finance.card_payments_disabled`, `finance.stripe_keys_unreadable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `finance.entry_unbalanced`, `finance.provider_refused`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.journal.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        createdBy: string | null;
                        /** Format: date */
                        date: string;
                        description: string;
                        /** Format: uuid */
                        id: string;
                        /** @description What posted it: manual, charge, payment, allocation, allocation_release, void, write_off, refund, reversal, late_fee … */
                        kind: string;
                        lines: {
                            accountCode: string;
                            /** Format: uuid */
                            accountId: string;
                            accountName: string;
                            /** @description Debit positive, credit negative. */
                            amount: number;
                            chargeId: string | null;
                            /** @description ISO 4217 code, e.g. EUR. */
                            currency: string;
                            leaseId: string | null;
                            lineNo: number;
                            memberId: string | null;
                            unitId: string | null;
                        }[];
                        /** @description The entry that reverses this one. */
                        reversedById: string | null;
                        /** @description The entry this one reverses. */
                        reversesId: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.journal.reverse": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description Default today; not before the entry’s date.
                     */
                    date?: string;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        createdBy: string | null;
                        /** Format: date */
                        date: string;
                        description: string;
                        /** Format: uuid */
                        id: string;
                        /** @description What posted it: manual, charge, payment, allocation, allocation_release, void, write_off, refund, reversal, late_fee … */
                        kind: string;
                        lines: {
                            accountCode: string;
                            /** Format: uuid */
                            accountId: string;
                            accountName: string;
                            /** @description Debit positive, credit negative. */
                            amount: number;
                            chargeId: string | null;
                            /** @description ISO 4217 code, e.g. EUR. */
                            currency: string;
                            leaseId: string | null;
                            lineNo: number;
                            memberId: string | null;
                            unitId: string | null;
                        }[];
                        /** @description The entry that reverses this one. */
                        reversedById: string | null;
                        /** @description The entry this one reverses. */
                        reversesId: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `finance.charge_already_void`, `finance.charge_written_off`, `finance.charge_owes_nothing`, `finance.nothing_owed`, `finance.refund_exceeds_credit`, `finance.system_account`, `finance.entry_not_manual`, `finance.entry_already_reversed`, `finance.schedule_overlap`, `finance.billing_run_in_progress`, `finance.bank_line_not_credit`, `finance.bank_line_duplicate`, `finance.bank_line_other_member`, `finance.card_payments_disabled`, `finance.stripe_keys_unreadable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `finance.entry_unbalanced`, `finance.provider_refused`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.lateFeeRule.get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        amount: number | null;
                        cap: number | null;
                        enabled: boolean;
                        /** @description Days after the due date before a charge counts as late: a fee comes on the day after due date + grace days. */
                        graceDays: number;
                        /**
                         * @description `flat`: `amount` per fee. `percent`: `percentBasisPoints` of what the charge still owes.
                         * @enum {unknown}
                         */
                        kind: "flat" | "percent";
                        percentBasisPoints: number | null;
                        /**
                         * @description `once` per charge, or `monthly`: once in each month of lateness (counted from the first late day) while it stays unpaid.
                         * @enum {unknown}
                         */
                        repeat: "once" | "monthly";
                        updatedAt: string | null;
                    };
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.lateFeeRule.replace": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    amount?: number | null;
                    cap?: number | null;
                    enabled: boolean;
                    /** @description Days after the due date before a charge counts as late: a fee comes on the day after due date + grace days. */
                    graceDays: number;
                    /**
                     * @description `flat`: `amount` per fee. `percent`: `percentBasisPoints` of what the charge still owes.
                     * @enum {unknown}
                     */
                    kind: "flat" | "percent";
                    percentBasisPoints?: number | null;
                    /**
                     * @description `once` per charge, or `monthly`: once in each month of lateness (counted from the first late day) while it stays unpaid.
                     * @enum {unknown}
                     */
                    repeat: "once" | "monthly";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        amount: number | null;
                        cap: number | null;
                        enabled: boolean;
                        /** @description Days after the due date before a charge counts as late: a fee comes on the day after due date + grace days. */
                        graceDays: number;
                        /**
                         * @description `flat`: `amount` per fee. `percent`: `percentBasisPoints` of what the charge still owes.
                         * @enum {unknown}
                         */
                        kind: "flat" | "percent";
                        percentBasisPoints: number | null;
                        /**
                         * @description `once` per charge, or `monthly`: once in each month of lateness (counted from the first late day) while it stays unpaid.
                         * @enum {unknown}
                         */
                        repeat: "once" | "monthly";
                        updatedAt: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `finance.charge_already_void`, `finance.charge_written_off`, `finance.charge_owes_nothing`, `finance.nothing_owed`, `finance.refund_exceeds_credit`, `finance.system_account`, `finance.entry_not_manual`, `finance.entry_already_reversed`, `finance.schedule_overlap`, `finance.billing_run_in_progress`, `finance.bank_line_not_credit`, `finance.bank_line_duplicate`, `finance.bank_line_other_member`, `finance.card_payments_disabled`, `finance.stripe_keys_unreadable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `finance.entry_unbalanced`, `finance.provider_refused`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.members.balance": {
        parameters: {
            query?: {
                /** @description Default today: everything dated on or before it. */
                asOf?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date */
                        asOf: string;
                        balances: {
                            /** @description receivable − credit: owed when positive, in credit when negative. */
                            balance: number;
                            /** @description Money received and not yet applied to a charge. */
                            credit: number;
                            /** @description ISO 4217 code, e.g. EUR. */
                            currency: string;
                            /** @description What the member’s charges still ask. */
                            receivable: number;
                        }[];
                        /** Format: uuid */
                        memberId: string;
                        /** @description Charges with something left to pay today, oldest due first. */
                        openCharges: {
                            /** @description Settled by payments (allocations not released). */
                            allocated: number;
                            amount: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description ISO 4217 code, e.g. EUR. */
                            currency: string;
                            description: string;
                            /** Format: date */
                            dueDate: string;
                            /** Format: uuid */
                            entryId: string;
                            /** Format: uuid */
                            id: string;
                            /** @enum {unknown} */
                            kind: "levy" | "rent" | "service" | "utility" | "fee" | "deposit" | "other";
                            leaseId: string | null;
                            /** Format: uuid */
                            memberId: string;
                            naturalKey: string | null;
                            /** @description amount − allocated − writtenOff; 0 once void. */
                            outstanding: number;
                            periodEnd: string | null;
                            periodStart: string | null;
                            /** @enum {unknown} */
                            status: "open" | "partially_paid" | "paid" | "written_off" | "void";
                            unitId: string | null;
                            voidEntryId: string | null;
                            writtenOff: number;
                        }[];
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.members.statement": {
        parameters: {
            query?: {
                from?: string;
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        currencies: {
                            charges: number;
                            closing: number;
                            credits: number;
                            currency: string;
                            lines: {
                                amount: number;
                                balance: number;
                                chargeId: string | null;
                                /** Format: date */
                                date: string;
                                description: string;
                                /** Format: uuid */
                                entryId: string;
                                kind: string;
                            }[];
                            opening: number;
                        }[];
                        /** Format: date */
                        from: string;
                        /** Format: uuid */
                        memberId: string;
                        /** Format: date */
                        to: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.payments.list": {
        parameters: {
            query: {
                /** @description ISO 4217 code, e.g. EUR. */
                currency?: string;
                cursor?: string;
                limit: number;
                /** @description The member’s payments. */
                memberId?: string;
                method?: "bank_transfer" | "cash" | "cheque" | "card" | "other";
                /** @description Matches the reference or the payer. */
                q?: string;
                /** @description Received on or after. */
                receivedFrom?: string;
                /** @description Received on or before. */
                receivedTo?: string;
                sort?: "-receivedOn" | "receivedOn";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            amount: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description ISO 4217 code, e.g. EUR. */
                            currency: string;
                            /** Format: uuid */
                            entryId: string;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            memberId: string;
                            /** @enum {unknown} */
                            method: "bank_transfer" | "cash" | "cheque" | "card" | "other";
                            payer: string | null;
                            provider: string | null;
                            providerEventId: string | null;
                            /** Format: date */
                            receivedOn: string;
                            reference: string | null;
                            refunded: number;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.payments.create": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Charges to settle, in this order. Omitted: the member’s open charges, oldest due first. */
                    allocations?: {
                        /** @description Default: what the charge owes, as far as the money goes. */
                        amount?: number;
                        /** Format: uuid */
                        chargeId: string;
                    }[];
                    /** @description Positive integer minor units (cents), at most 10^13. */
                    amount: number;
                    /** @description ISO 4217 code, e.g. EUR. */
                    currency: string;
                    /** Format: uuid */
                    memberId: string;
                    /** @enum {unknown} */
                    method: "bank_transfer" | "cash" | "cheque" | "card" | "other";
                    payer?: string;
                    /** Format: date */
                    receivedOn: string;
                    reference?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        allocations: {
                            amount: number;
                            /** Format: uuid */
                            chargeId: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description ISO 4217 code, e.g. EUR. */
                            currency: string;
                            /** Format: uuid */
                            entryId: string;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            memberId: string;
                            /** @description The payment whose money it was, when known (credit may pool several payments). */
                            paymentId: string | null;
                            /** @description Set when the allocation went back to credit (its charge was voided). */
                            releasedEntryId: string | null;
                        }[];
                        amount: number;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description ISO 4217 code, e.g. EUR. */
                        currency: string;
                        /** Format: uuid */
                        entryId: string;
                        /** Format: uuid */
                        id: string;
                        /** @description The member’s unapplied credit in the payment’s currency afterwards. */
                        memberCredit: number;
                        /** Format: uuid */
                        memberId: string;
                        /** @enum {unknown} */
                        method: "bank_transfer" | "cash" | "cheque" | "card" | "other";
                        payer: string | null;
                        provider: string | null;
                        providerEventId: string | null;
                        /** Format: date */
                        receivedOn: string;
                        reference: string | null;
                        refunded: number;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `finance.charge_already_void`, `finance.charge_written_off`, `finance.charge_owes_nothing`, `finance.nothing_owed`, `finance.refund_exceeds_credit`, `finance.system_account`, `finance.entry_not_manual`, `finance.entry_already_reversed`, `finance.schedule_overlap`, `finance.billing_run_in_progress`, `finance.bank_line_not_credit`, `finance.bank_line_duplicate`, `finance.bank_line_other_member`, `finance.card_payments_disabled`, `finance.stripe_keys_unreadable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `finance.entry_unbalanced`, `finance.provider_refused`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.payments.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The charges this payment’s money settled. */
                        allocations: {
                            amount: number;
                            /** Format: uuid */
                            chargeId: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description ISO 4217 code, e.g. EUR. */
                            currency: string;
                            /** Format: uuid */
                            entryId: string;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            memberId: string;
                            /** @description The payment whose money it was, when known (credit may pool several payments). */
                            paymentId: string | null;
                            /** @description Set when the allocation went back to credit (its charge was voided). */
                            releasedEntryId: string | null;
                        }[];
                        amount: number;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description ISO 4217 code, e.g. EUR. */
                        currency: string;
                        /** Format: uuid */
                        entryId: string;
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        memberId: string;
                        /** @enum {unknown} */
                        method: "bank_transfer" | "cash" | "cheque" | "card" | "other";
                        payer: string | null;
                        provider: string | null;
                        providerEventId: string | null;
                        /** Format: date */
                        receivedOn: string;
                        reference: string | null;
                        refunded: number;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.payments.refund": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Positive integer minor units (cents), at most 10^13. */
                    amount: number;
                    /**
                     * Format: date
                     * @description Default today; not before the payment was received.
                     */
                    date?: string;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The charges this payment’s money settled. */
                        allocations: {
                            amount: number;
                            /** Format: uuid */
                            chargeId: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description ISO 4217 code, e.g. EUR. */
                            currency: string;
                            /** Format: uuid */
                            entryId: string;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            memberId: string;
                            /** @description The payment whose money it was, when known (credit may pool several payments). */
                            paymentId: string | null;
                            /** @description Set when the allocation went back to credit (its charge was voided). */
                            releasedEntryId: string | null;
                        }[];
                        amount: number;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description ISO 4217 code, e.g. EUR. */
                        currency: string;
                        /** Format: uuid */
                        entryId: string;
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        memberId: string;
                        /** @enum {unknown} */
                        method: "bank_transfer" | "cash" | "cheque" | "card" | "other";
                        payer: string | null;
                        provider: string | null;
                        providerEventId: string | null;
                        /** Format: date */
                        receivedOn: string;
                        reference: string | null;
                        refunded: number;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `finance.charge_already_void`, `finance.charge_written_off`, `finance.charge_owes_nothing`, `finance.nothing_owed`, `finance.refund_exceeds_credit`, `finance.system_account`, `finance.entry_not_manual`, `finance.entry_already_reversed`, `finance.schedule_overlap`, `finance.billing_run_in_progress`, `finance.bank_line_not_credit`, `finance.bank_line_duplicate`, `finance.bank_line_other_member`, `finance.card_payments_disabled`, `finance.stripe_keys_unreadable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `finance.entry_unbalanced`, `finance.provider_refused`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.providers.stripe.get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Members and staff may open checkouts. Payments already made are recorded either way. */
                        enabled: boolean;
                        /** @description The secret key's mode (sk_test_ or sk_live_). */
                        mode: ("test" | "live") | null;
                        /** @enum {string} */
                        provider: "stripe";
                        secretKey: {
                            /** @description The last four characters, to tell keys apart; the key itself is never shown. */
                            last4: string | null;
                            set: boolean;
                        };
                        updatedAt: string | null;
                        /** @description The events to enable on that endpoint. */
                        webhookEvents: string[];
                        webhookSecret: {
                            /** @description The last four characters, to tell keys apart; the key itself is never shown. */
                            last4: string | null;
                            set: boolean;
                        };
                        /** @description The URL to give Stripe as this tenant's webhook endpoint. */
                        webhookUrl: string;
                    };
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.providers.stripe.replace": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    enabled: boolean;
                    /** @description A secret (sk_) or restricted (rk_) key with write access to Checkout Sessions. Omitted: the stored one is kept. */
                    secretKey?: string;
                    /** @description The signing secret of the tenant's webhook endpoint at Stripe. Omitted: the stored one is kept. */
                    webhookSecret?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Members and staff may open checkouts. Payments already made are recorded either way. */
                        enabled: boolean;
                        /** @description The secret key's mode (sk_test_ or sk_live_). */
                        mode: ("test" | "live") | null;
                        /** @enum {string} */
                        provider: "stripe";
                        secretKey: {
                            /** @description The last four characters, to tell keys apart; the key itself is never shown. */
                            last4: string | null;
                            set: boolean;
                        };
                        updatedAt: string | null;
                        /** @description The events to enable on that endpoint. */
                        webhookEvents: string[];
                        webhookSecret: {
                            /** @description The last four characters, to tell keys apart; the key itself is never shown. */
                            last4: string | null;
                            set: boolean;
                        };
                        /** @description The URL to give Stripe as this tenant's webhook endpoint. */
                        webhookUrl: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `finance.charge_already_void`, `finance.charge_written_off`, `finance.charge_owes_nothing`, `finance.nothing_owed`, `finance.refund_exceeds_credit`, `finance.system_account`, `finance.entry_not_manual`, `finance.entry_already_reversed`, `finance.schedule_overlap`, `finance.billing_run_in_progress`, `finance.bank_line_not_credit`, `finance.bank_line_duplicate`, `finance.bank_line_other_member`, `finance.card_payments_disabled`, `finance.stripe_keys_unreadable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `finance.entry_unbalanced`, `finance.provider_refused`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.providers.stripe.webhook": {
        parameters: {
            query?: never;
            header?: {
                /** @description t=<unix seconds>,v1=<HMAC-SHA256 of "t.body"> */
                "stripe-signature"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        outcome: "recorded" | "already_recorded" | "pending" | "closed" | "ignored";
                        paymentId: string | null;
                        /** @enum {boolean} */
                        received: true;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `finance.charge_already_void`, `finance.charge_written_off`, `finance.charge_owes_nothing`, `finance.nothing_owed`, `finance.refund_exceeds_credit`, `finance.system_account`, `finance.entry_not_manual`, `finance.entry_already_reversed`, `finance.schedule_overlap`, `finance.billing_run_in_progress`, `finance.bank_line_not_credit`, `finance.bank_line_duplicate`, `finance.bank_line_other_member`, `finance.card_payments_disabled`, `finance.stripe_keys_unreadable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `finance.entry_unbalanced`, `finance.provider_refused`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.reports.arrears": {
        parameters: {
            query?: {
                asOf?: string;
                /** @description `csv` downloads the report as a spreadsheet. */
                format?: "json" | "csv";
                groupBy?: "member" | "unit" | "property";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date */
                        asOf: string;
                        /** @enum {unknown} */
                        groupBy: "member" | "unit" | "property";
                        rows: {
                            currency: string;
                            current: number;
                            days1to30: number;
                            days31to60: number;
                            days61to90: number;
                            id: string | null;
                            name: string | null;
                            over90: number;
                            total: number;
                        }[];
                        totals: {
                            currency: string;
                            current: number;
                            days1to30: number;
                            days31to60: number;
                            days61to90: number;
                            over90: number;
                            total: number;
                        }[];
                    };
                    "text/csv": string;
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.reports.collections": {
        parameters: {
            query?: {
                asOf?: string;
                /** @description `csv` downloads the report as a spreadsheet. */
                format?: "json" | "csv";
                from?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date */
                        asOf: string;
                        /** Format: date */
                        from: string;
                        rows: {
                            charged: number;
                            charges: number;
                            collected: number;
                            currency: string;
                            rate: number | null;
                            writtenOff: number;
                        }[];
                        /** Format: date */
                        to: string;
                    };
                    "text/csv": string;
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.reports.collectionsMonthly": {
        parameters: {
            query?: {
                /** @description `csv` downloads the report as a spreadsheet. */
                format?: "json" | "csv";
                /** @description A calendar month, `YYYY-MM`. */
                from?: string;
                /** @description A calendar month, `YYYY-MM`. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A calendar month, `YYYY-MM`. */
                        from: string;
                        rows: {
                            billed: number;
                            collected: number;
                            currency: string;
                            /** @description A calendar month, `YYYY-MM`. */
                            month: string;
                        }[];
                        /** @description A calendar month, `YYYY-MM`. */
                        to: string;
                    };
                    "text/csv": string;
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.reports.income": {
        parameters: {
            query?: {
                /** @description `csv` downloads the report as a spreadsheet. */
                format?: "json" | "csv";
                from?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date */
                        from: string;
                        rows: {
                            accountId: string;
                            code: string;
                            currency: string;
                            income: number;
                            name: string;
                        }[];
                        /** Format: date */
                        to: string;
                        totals: {
                            currency: string;
                            income: number;
                        }[];
                    };
                    "text/csv": string;
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.reports.trialBalance": {
        parameters: {
            query?: {
                /** @description Default today. */
                asOf?: string;
                /** @description `csv` downloads the report as a spreadsheet. */
                format?: "json" | "csv";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date */
                        asOf: string;
                        rows: {
                            /** Format: uuid */
                            accountId: string;
                            /** @description Debit positive. */
                            balance: number;
                            code: string;
                            /** @description The balance when it is a credit, else 0. */
                            credit: number;
                            /** @description ISO 4217 code, e.g. EUR. */
                            currency: string;
                            /** @description The balance when it is a debit, else 0. */
                            debit: number;
                            name: string;
                            /** @enum {unknown} */
                            type: "asset" | "liability" | "equity" | "income" | "expense";
                        }[];
                        /** @description Per currency; debits equal credits. */
                        totals: {
                            credit: number;
                            /** @description ISO 4217 code, e.g. EUR. */
                            currency: string;
                            debit: number;
                        }[];
                    };
                    "text/csv": string;
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.schedules.list": {
        parameters: {
            query: {
                active?: boolean;
                cursor?: string;
                kind?: "levy" | "rent";
                limit: number;
                propertyId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            active: boolean;
                            budget: {
                                /** @description Integer minor units (cents), at most 10^13. */
                                amount: number;
                                /** @description ISO 4217 code, e.g. EUR. */
                                currency: string;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            description: string;
                            dueDay: number | null;
                            endPeriod: string | null;
                            frequency: ("monthly" | "quarterly" | "yearly") | null;
                            /** Format: uuid */
                            id: string;
                            includeSubProperties: boolean;
                            /** @enum {unknown} */
                            kind: "levy" | "rent";
                            name: string;
                            propertyId: string | null;
                            renterSplit: ("lead" | "equal") | null;
                            /** @description A month, YYYY-MM. */
                            startPeriod: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.schedules.create": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    active?: boolean;
                    /** @description The levy of one period, split over the units. */
                    budget?: {
                        /** @description Integer minor units (cents), at most 10^13. */
                        amount: number;
                        /** @description ISO 4217 code, e.g. EUR. */
                        currency: string;
                    };
                    /** @description Each charge’s description. Placeholders: {schedule}, {period} (the run’s month), {periodStart}, {periodEnd}, {unit} (label), {property} (the unit’s property). */
                    description?: string;
                    /** @description Day of the period’s first month the levy is due; past the month’s end, its last day. */
                    dueDay?: number;
                    endPeriod?: string | null;
                    /**
                     * @description Levy only; default monthly.
                     * @enum {unknown}
                     */
                    frequency?: "monthly" | "quarterly" | "yearly";
                    /** @description Also the units of the properties inside it, at any depth. Default: false for a levy (shares are per property), true for rent. */
                    includeSubProperties?: boolean;
                    /** @enum {unknown} */
                    kind: "levy" | "rent";
                    name: string;
                    propertyId?: string | null;
                    /**
                     * @description Rent only: `lead` (default) charges the lead renter, `equal` splits between the renters.
                     * @enum {unknown}
                     */
                    renterSplit?: "lead" | "equal";
                    /** @description A month, YYYY-MM. */
                    startPeriod: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        active: boolean;
                        budget: {
                            /** @description Integer minor units (cents), at most 10^13. */
                            amount: number;
                            /** @description ISO 4217 code, e.g. EUR. */
                            currency: string;
                        } | null;
                        /** Format: date-time */
                        createdAt: string;
                        description: string;
                        dueDay: number | null;
                        endPeriod: string | null;
                        frequency: ("monthly" | "quarterly" | "yearly") | null;
                        /** Format: uuid */
                        id: string;
                        includeSubProperties: boolean;
                        /** @enum {unknown} */
                        kind: "levy" | "rent";
                        name: string;
                        propertyId: string | null;
                        renterSplit: ("lead" | "equal") | null;
                        /** @description A month, YYYY-MM. */
                        startPeriod: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `finance.charge_already_void`, `finance.charge_written_off`, `finance.charge_owes_nothing`, `finance.nothing_owed`, `finance.refund_exceeds_credit`, `finance.system_account`, `finance.entry_not_manual`, `finance.entry_already_reversed`, `finance.schedule_overlap`, `finance.billing_run_in_progress`, `finance.bank_line_not_credit`, `finance.bank_line_duplicate`, `finance.bank_line_other_member`, `finance.card_payments_disabled`, `finance.stripe_keys_unreadable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `finance.entry_unbalanced`, `finance.provider_refused`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.schedules.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        active: boolean;
                        budget: {
                            /** @description Integer minor units (cents), at most 10^13. */
                            amount: number;
                            /** @description ISO 4217 code, e.g. EUR. */
                            currency: string;
                        } | null;
                        /** Format: date-time */
                        createdAt: string;
                        description: string;
                        dueDay: number | null;
                        endPeriod: string | null;
                        frequency: ("monthly" | "quarterly" | "yearly") | null;
                        /** Format: uuid */
                        id: string;
                        includeSubProperties: boolean;
                        /** @enum {unknown} */
                        kind: "levy" | "rent";
                        name: string;
                        propertyId: string | null;
                        renterSplit: ("lead" | "equal") | null;
                        /** @description A month, YYYY-MM. */
                        startPeriod: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.schedules.delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `finance.charge_already_void`, `finance.charge_written_off`, `finance.charge_owes_nothing`, `finance.nothing_owed`, `finance.refund_exceeds_credit`, `finance.system_account`, `finance.entry_not_manual`, `finance.entry_already_reversed`, `finance.schedule_overlap`, `finance.billing_run_in_progress`, `finance.bank_line_not_credit`, `finance.bank_line_duplicate`, `finance.bank_line_other_member`, `finance.card_payments_disabled`, `finance.stripe_keys_unreadable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `finance.entry_unbalanced`, `finance.provider_refused`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.schedules.update": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    active?: boolean;
                    /** @description The levy of one period, split over the units. */
                    budget?: {
                        /** @description Integer minor units (cents), at most 10^13. */
                        amount: number;
                        /** @description ISO 4217 code, e.g. EUR. */
                        currency: string;
                    };
                    /** @description Each charge’s description. Placeholders: {schedule}, {period} (the run’s month), {periodStart}, {periodEnd}, {unit} (label), {property} (the unit’s property). */
                    description?: string;
                    /** @description Day of the period’s first month the levy is due; past the month’s end, its last day. */
                    dueDay?: number;
                    endPeriod?: string | null;
                    /** @enum {unknown} */
                    frequency?: "monthly" | "quarterly" | "yearly";
                    includeSubProperties?: boolean;
                    name?: string;
                    propertyId?: string | null;
                    /** @enum {unknown} */
                    renterSplit?: "lead" | "equal";
                    /** @description A month, YYYY-MM. */
                    startPeriod?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        active: boolean;
                        budget: {
                            /** @description Integer minor units (cents), at most 10^13. */
                            amount: number;
                            /** @description ISO 4217 code, e.g. EUR. */
                            currency: string;
                        } | null;
                        /** Format: date-time */
                        createdAt: string;
                        description: string;
                        dueDay: number | null;
                        endPeriod: string | null;
                        frequency: ("monthly" | "quarterly" | "yearly") | null;
                        /** Format: uuid */
                        id: string;
                        includeSubProperties: boolean;
                        /** @enum {unknown} */
                        kind: "levy" | "rent";
                        name: string;
                        propertyId: string | null;
                        renterSplit: ("lead" | "equal") | null;
                        /** @description A month, YYYY-MM. */
                        startPeriod: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `finance.charge_already_void`, `finance.charge_written_off`, `finance.charge_owes_nothing`, `finance.nothing_owed`, `finance.refund_exceeds_credit`, `finance.system_account`, `finance.entry_not_manual`, `finance.entry_already_reversed`, `finance.schedule_overlap`, `finance.billing_run_in_progress`, `finance.bank_line_not_credit`, `finance.bank_line_duplicate`, `finance.bank_line_other_member`, `finance.card_payments_disabled`, `finance.stripe_keys_unreadable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `finance.entry_unbalanced`, `finance.provider_refused`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.statements.list": {
        parameters: {
            query: {
                cursor?: string;
                limit: number;
                memberId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            downloadUrl: string;
                            emailedAt: string | null;
                            /** Format: date */
                            from: string;
                            /** Format: date-time */
                            generatedAt: string;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            memberId: string;
                            pdfBytes: number;
                            summary: {
                                charges: number;
                                closing: number;
                                credits: number;
                                currency: string;
                                opening: number;
                            }[];
                            /** Format: date */
                            to: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.statements.create": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date */
                    from: string;
                    /** Format: uuid */
                    memberId: string;
                    /** Format: date */
                    to: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        downloadUrl: string;
                        emailedAt: string | null;
                        /** Format: date */
                        from: string;
                        /** Format: date-time */
                        generatedAt: string;
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        memberId: string;
                        pdfBytes: number;
                        summary: {
                            charges: number;
                            closing: number;
                            credits: number;
                            currency: string;
                            opening: number;
                        }[];
                        /** Format: date */
                        to: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `finance.charge_already_void`, `finance.charge_written_off`, `finance.charge_owes_nothing`, `finance.nothing_owed`, `finance.refund_exceeds_credit`, `finance.system_account`, `finance.entry_not_manual`, `finance.entry_already_reversed`, `finance.schedule_overlap`, `finance.billing_run_in_progress`, `finance.bank_line_not_credit`, `finance.bank_line_duplicate`, `finance.bank_line_other_member`, `finance.card_payments_disabled`, `finance.stripe_keys_unreadable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `finance.entry_unbalanced`, `finance.provider_refused`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.statements.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        downloadUrl: string;
                        emailedAt: string | null;
                        /** Format: date */
                        from: string;
                        /** Format: date-time */
                        generatedAt: string;
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        memberId: string;
                        pdfBytes: number;
                        summary: {
                            charges: number;
                            closing: number;
                            credits: number;
                            currency: string;
                            opening: number;
                        }[];
                        /** Format: date */
                        to: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "finance.statements.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "leases.list": {
        parameters: {
            query: {
                cursor?: string;
                /** @description Active or ending leases whose end date is today or within this many days. */
                expiringWithinDays?: number;
                limit: number;
                /** @description Leases this member rents under. */
                memberId?: string;
                /** @description Matches the unit’s label or a renter’s first, last or full name. */
                q?: string;
                sort?: "-startDate" | "startDate" | "createdAt" | "-createdAt";
                status?: "draft" | "active" | "ending" | "ended" | "terminated";
                unitId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            activatedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Minor units, in the rent’s currency. */
                            deposit: number;
                            dueDay: number;
                            endDate: string | null;
                            /** @enum {unknown} */
                            frequency: "weekly" | "monthly" | "quarterly" | "yearly";
                            /** Format: uuid */
                            id: string;
                            notes: string;
                            previousLeaseId: string | null;
                            rent: {
                                /** @description Integer minor units (cents), at most 10^13. */
                                amount: number;
                                /** @description ISO 4217 code, e.g. EUR. */
                                currency: string;
                            };
                            renterIds: string[];
                            /** Format: date */
                            startDate: string;
                            /** @enum {unknown} */
                            status: "draft" | "active" | "ending" | "ended" | "terminated";
                            /** @description The lease that renews this one, once renewed. */
                            successorId: string | null;
                            terminatedAt: string | null;
                            terminationReason: string | null;
                            /** Format: uuid */
                            unitId: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "leases.create": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Integer minor units (cents), at most 10^13. */
                    deposit?: number;
                    /** @description Weekly rent: 1–7 (Monday–Sunday). Otherwise the day of the month; past the month’s end, its last day. Default: the start date’s weekday or day. */
                    dueDay?: number;
                    /** @description Last day (inclusive); omitted or null: a periodic lease. */
                    endDate?: string | null;
                    /**
                     * @default monthly
                     * @enum {unknown}
                     */
                    frequency?: "weekly" | "monthly" | "quarterly" | "yearly";
                    notes?: string;
                    rent: {
                        /** @description Integer minor units (cents), at most 10^13. */
                        amount: number;
                        /** @description ISO 4217 code, e.g. EUR. */
                        currency: string;
                    };
                    /** @description Members renting under the lease; the first is the lead renter. */
                    renterIds: string[];
                    /** Format: date */
                    startDate: string;
                    /** Format: uuid */
                    unitId: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        activatedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Minor units, in the rent’s currency. */
                        deposit: number;
                        dueDay: number;
                        endDate: string | null;
                        /** @enum {unknown} */
                        frequency: "weekly" | "monthly" | "quarterly" | "yearly";
                        /** Format: uuid */
                        id: string;
                        notes: string;
                        previousLeaseId: string | null;
                        rent: {
                            /** @description Integer minor units (cents), at most 10^13. */
                            amount: number;
                            /** @description ISO 4217 code, e.g. EUR. */
                            currency: string;
                        };
                        renterIds: string[];
                        /** Format: date */
                        startDate: string;
                        /** @enum {unknown} */
                        status: "draft" | "active" | "ending" | "ended" | "terminated";
                        /** @description The lease that renews this one, once renewed. */
                        successorId: string | null;
                        terminatedAt: string | null;
                        terminationReason: string | null;
                        /** Format: uuid */
                        unitId: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `leases.status_forbids`, `leases.terms_frozen`, `leases.unit_already_let`, `leases.periodic_not_renewable`, `leases.already_renewed`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "leases.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        activatedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Minor units, in the rent’s currency. */
                        deposit: number;
                        dueDay: number;
                        endDate: string | null;
                        /** @enum {unknown} */
                        frequency: "weekly" | "monthly" | "quarterly" | "yearly";
                        /** Format: uuid */
                        id: string;
                        notes: string;
                        previousLeaseId: string | null;
                        rent: {
                            /** @description Integer minor units (cents), at most 10^13. */
                            amount: number;
                            /** @description ISO 4217 code, e.g. EUR. */
                            currency: string;
                        };
                        renterIds: string[];
                        /** Format: date */
                        startDate: string;
                        /** @enum {unknown} */
                        status: "draft" | "active" | "ending" | "ended" | "terminated";
                        /** @description The lease that renews this one, once renewed. */
                        successorId: string | null;
                        terminatedAt: string | null;
                        terminationReason: string | null;
                        /** Format: uuid */
                        unitId: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "leases.update": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Integer minor units (cents), at most 10^13. */
                    deposit?: number;
                    /** @description Weekly rent: 1–7 (Monday–Sunday). Otherwise the day of the month; past the month’s end, its last day. Default: the start date’s weekday or day. */
                    dueDay?: number;
                    endDate?: string | null;
                    /** @enum {unknown} */
                    frequency?: "weekly" | "monthly" | "quarterly" | "yearly";
                    notes?: string;
                    rent?: {
                        /** @description Integer minor units (cents), at most 10^13. */
                        amount: number;
                        /** @description ISO 4217 code, e.g. EUR. */
                        currency: string;
                    };
                    /** @description Members renting under the lease; the first is the lead renter. */
                    renterIds?: string[];
                    /** Format: date */
                    startDate?: string;
                    /** Format: uuid */
                    unitId?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        activatedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Minor units, in the rent’s currency. */
                        deposit: number;
                        dueDay: number;
                        endDate: string | null;
                        /** @enum {unknown} */
                        frequency: "weekly" | "monthly" | "quarterly" | "yearly";
                        /** Format: uuid */
                        id: string;
                        notes: string;
                        previousLeaseId: string | null;
                        rent: {
                            /** @description Integer minor units (cents), at most 10^13. */
                            amount: number;
                            /** @description ISO 4217 code, e.g. EUR. */
                            currency: string;
                        };
                        renterIds: string[];
                        /** Format: date */
                        startDate: string;
                        /** @enum {unknown} */
                        status: "draft" | "active" | "ending" | "ended" | "terminated";
                        /** @description The lease that renews this one, once renewed. */
                        successorId: string | null;
                        terminatedAt: string | null;
                        terminationReason: string | null;
                        /** Format: uuid */
                        unitId: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `leases.status_forbids`, `leases.terms_frozen`, `leases.unit_already_let`, `leases.periodic_not_renewable`, `leases.already_renewed`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "leases.activate": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        activatedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Minor units, in the rent’s currency. */
                        deposit: number;
                        dueDay: number;
                        endDate: string | null;
                        /** @enum {unknown} */
                        frequency: "weekly" | "monthly" | "quarterly" | "yearly";
                        /** Format: uuid */
                        id: string;
                        notes: string;
                        previousLeaseId: string | null;
                        rent: {
                            /** @description Integer minor units (cents), at most 10^13. */
                            amount: number;
                            /** @description ISO 4217 code, e.g. EUR. */
                            currency: string;
                        };
                        renterIds: string[];
                        /** Format: date */
                        startDate: string;
                        /** @enum {unknown} */
                        status: "draft" | "active" | "ending" | "ended" | "terminated";
                        /** @description The lease that renews this one, once renewed. */
                        successorId: string | null;
                        terminatedAt: string | null;
                        terminationReason: string | null;
                        /** Format: uuid */
                        unitId: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `leases.status_forbids`, `leases.terms_frozen`, `leases.unit_already_let`, `leases.periodic_not_renewable`, `leases.already_renewed`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "leases.renew": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Integer minor units (cents), at most 10^13. */
                    deposit?: number;
                    /** @description Weekly rent: 1–7 (Monday–Sunday). Otherwise the day of the month; past the month’s end, its last day. Default: the start date’s weekday or day. */
                    dueDay?: number;
                    /** @description Default: a term as long as the renewed one; null: periodic. */
                    endDate?: string | null;
                    /** @enum {unknown} */
                    frequency?: "weekly" | "monthly" | "quarterly" | "yearly";
                    rent?: {
                        /** @description Integer minor units (cents), at most 10^13. */
                        amount: number;
                        /** @description ISO 4217 code, e.g. EUR. */
                        currency: string;
                    };
                    /** @description Members renting under the lease; the first is the lead renter. */
                    renterIds?: string[];
                    /**
                     * Format: date
                     * @description Default: the day after the renewed lease ends.
                     */
                    startDate?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        activatedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Minor units, in the rent’s currency. */
                        deposit: number;
                        dueDay: number;
                        endDate: string | null;
                        /** @enum {unknown} */
                        frequency: "weekly" | "monthly" | "quarterly" | "yearly";
                        /** Format: uuid */
                        id: string;
                        notes: string;
                        previousLeaseId: string | null;
                        rent: {
                            /** @description Integer minor units (cents), at most 10^13. */
                            amount: number;
                            /** @description ISO 4217 code, e.g. EUR. */
                            currency: string;
                        };
                        renterIds: string[];
                        /** Format: date */
                        startDate: string;
                        /** @enum {unknown} */
                        status: "draft" | "active" | "ending" | "ended" | "terminated";
                        /** @description The lease that renews this one, once renewed. */
                        successorId: string | null;
                        terminatedAt: string | null;
                        terminationReason: string | null;
                        /** Format: uuid */
                        unitId: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `leases.status_forbids`, `leases.terms_frozen`, `leases.unit_already_let`, `leases.periodic_not_renewable`, `leases.already_renewed`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "leases.terminate": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description The last day of the tenancy (default today); from the day before the start to the current end date.
                     */
                    date?: string;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        activatedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Minor units, in the rent’s currency. */
                        deposit: number;
                        dueDay: number;
                        endDate: string | null;
                        /** @enum {unknown} */
                        frequency: "weekly" | "monthly" | "quarterly" | "yearly";
                        /** Format: uuid */
                        id: string;
                        notes: string;
                        previousLeaseId: string | null;
                        rent: {
                            /** @description Integer minor units (cents), at most 10^13. */
                            amount: number;
                            /** @description ISO 4217 code, e.g. EUR. */
                            currency: string;
                        };
                        renterIds: string[];
                        /** Format: date */
                        startDate: string;
                        /** @enum {unknown} */
                        status: "draft" | "active" | "ending" | "ended" | "terminated";
                        /** @description The lease that renews this one, once renewed. */
                        successorId: string | null;
                        terminatedAt: string | null;
                        terminationReason: string | null;
                        /** Format: uuid */
                        unitId: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `leases.status_forbids`, `leases.terms_frozen`, `leases.unit_already_let`, `leases.periodic_not_renewable`, `leases.already_renewed`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "mail.messages.list": {
        parameters: {
            query: {
                cursor?: string;
                kind?: "invitation" | "password_reset" | "notification";
                limit: number;
                /** @description Matches the recipient’s address or name, the subject or the template (kind). */
                q?: string;
                status?: "queued" | "sending" | "sent" | "failed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            attempts: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            kind: string;
                            lastError: string | null;
                            /** @description The RFC 5322 Message-ID, the same on every attempt. */
                            messageId: string;
                            sentAt: string | null;
                            /** @enum {unknown} */
                            status: "queued" | "sending" | "sent" | "failed";
                            subject: string | null;
                            to: {
                                email: string;
                                name: string;
                            };
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "mail.messages.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attempts: number;
                        /** Format: date-time */
                        createdAt: string;
                        history: {
                            /** Format: date-time */
                            at: string;
                            detail: string | null;
                            /** @enum {unknown} */
                            status: "queued" | "sent" | "failed";
                        }[];
                        /** Format: uuid */
                        id: string;
                        kind: string;
                        lastError: string | null;
                        /** @description The RFC 5322 Message-ID, the same on every attempt. */
                        messageId: string;
                        sentAt: string | null;
                        /** @enum {unknown} */
                        status: "queued" | "sending" | "sent" | "failed";
                        subject: string | null;
                        to: {
                            email: string;
                            name: string;
                        };
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "mail.messages.retry": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attempts: number;
                        /** Format: date-time */
                        createdAt: string;
                        history: {
                            /** Format: date-time */
                            at: string;
                            detail: string | null;
                            /** @enum {unknown} */
                            status: "queued" | "sent" | "failed";
                        }[];
                        /** Format: uuid */
                        id: string;
                        kind: string;
                        lastError: string | null;
                        /** @description The RFC 5322 Message-ID, the same on every attempt. */
                        messageId: string;
                        sentAt: string | null;
                        /** @enum {unknown} */
                        status: "queued" | "sending" | "sent" | "failed";
                        subject: string | null;
                        to: {
                            email: string;
                            name: string;
                        };
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `mail.message_not_failed`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "mail.templates.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            defaults: {
                                html: string;
                                subject: string;
                                text: string;
                            };
                            description: string;
                            html: string;
                            kind: string;
                            /** @description True when the tenant has its own version; false shows the default. */
                            overridden: boolean;
                            subject: string;
                            text: string;
                            updatedAt: string | null;
                            variables: {
                                [key: string]: string;
                            };
                        }[];
                    };
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "mail.templates.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                kind: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        defaults: {
                            html: string;
                            subject: string;
                            text: string;
                        };
                        description: string;
                        html: string;
                        kind: string;
                        /** @description True when the tenant has its own version; false shows the default. */
                        overridden: boolean;
                        subject: string;
                        text: string;
                        updatedAt: string | null;
                        variables: {
                            [key: string]: string;
                        };
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "mail.templates.replace": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path: {
                kind: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    html: string;
                    subject: string;
                    text: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        defaults: {
                            html: string;
                            subject: string;
                            text: string;
                        };
                        description: string;
                        html: string;
                        kind: string;
                        /** @description True when the tenant has its own version; false shows the default. */
                        overridden: boolean;
                        subject: string;
                        text: string;
                        updatedAt: string | null;
                        variables: {
                            [key: string]: string;
                        };
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `mail.message_not_failed`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "mail.templates.reset": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path: {
                kind: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `mail.message_not_failed`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "me.get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "me.update": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    locale?: string | null;
                    name?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `core.user_has_password`, `core.user_disabled`, `core.system_role_immutable`, `core.role_key_taken`, `core.role_in_use`, `core.own_access`, `core.totp_already_enrolled`, `core.totp_not_enrolled`, `core.passkey_already_registered`, `core.passkey_unavailable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `core.wrong_password`, `core.unknown_permission`, `core.invalid_code`, `core.passkey_registration_failed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "me.mfa.get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Your passkeys: with one, your sign-in has a second step even without an authenticator app */
                        passkeys: number;
                        recoveryCodesRemaining: number;
                        /** @description The tenant requires two-step sign-in for one of your roles */
                        required: boolean;
                        totp: {
                            confirmedAt: string | null;
                            enrolled: boolean;
                            /** @description Enrolment started, not confirmed with a code yet */
                            pending: boolean;
                        };
                    };
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "me.mfa.totp.enrol": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The result, showing its secret this once; a retry with the same Idempotency-Key gets an IdempotentReplay instead. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The same as an `otpauth://totp/...` URI (what a QR code holds) */
                        otpauthUri: string;
                        /** @description The TOTP secret (base32), to type into the authenticator app */
                        secret: string;
                    } | {
                        detail: string;
                        /** @description The id of the resource the first request created or changed. */
                        id: string;
                        /** @enum {boolean} */
                        replayed: true;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `core.user_has_password`, `core.user_disabled`, `core.system_role_immutable`, `core.role_key_taken`, `core.role_in_use`, `core.own_access`, `core.totp_already_enrolled`, `core.totp_not_enrolled`, `core.passkey_already_registered`, `core.passkey_unavailable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `core.wrong_password`, `core.unknown_permission`, `core.invalid_code`, `core.passkey_registration_failed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "me.mfa.totp.disable": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The 6-digit code the authenticator app shows now, or one of the recovery codes (each works once) */
                    code: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `core.user_has_password`, `core.user_disabled`, `core.system_role_immutable`, `core.role_key_taken`, `core.role_in_use`, `core.own_access`, `core.totp_already_enrolled`, `core.totp_not_enrolled`, `core.passkey_already_registered`, `core.passkey_unavailable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `core.wrong_password`, `core.unknown_permission`, `core.invalid_code`, `core.passkey_registration_failed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many attempts: wait as `Retry-After` says (`rate_limited`). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "me.mfa.totp.confirm": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The 6-digit code the authenticator app shows now, or one of the recovery codes (each works once) */
                    code: string;
                };
            };
        };
        responses: {
            /** @description The result, showing its secret this once; a retry with the same Idempotency-Key gets an IdempotentReplay instead. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Ten single-use recovery codes, shown this once: each signs in (or steps up) in place of a code when the authenticator is lost */
                        recoveryCodes: string[];
                    } | {
                        detail: string;
                        /** @description The id of the resource the first request created or changed. */
                        id: string;
                        /** @enum {boolean} */
                        replayed: true;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `core.user_has_password`, `core.user_disabled`, `core.system_role_immutable`, `core.role_key_taken`, `core.role_in_use`, `core.own_access`, `core.totp_already_enrolled`, `core.totp_not_enrolled`, `core.passkey_already_registered`, `core.passkey_unavailable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `core.wrong_password`, `core.unknown_permission`, `core.invalid_code`, `core.passkey_registration_failed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many attempts: wait as `Retry-After` says (`rate_limited`). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "me.notificationPreferences.get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description For each category (`billing`: statements and payment receipts; `announcements`; `maintenance`; `meetings`), whether to send it by e-mail and by SMS. Mandatory messages (password resets, invitations) are always sent. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        announcements: {
                            email: boolean;
                            sms: boolean;
                        };
                        billing: {
                            email: boolean;
                            sms: boolean;
                        };
                        maintenance: {
                            email: boolean;
                            sms: boolean;
                        };
                        meetings: {
                            email: boolean;
                            sms: boolean;
                        };
                    };
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "me.notificationPreferences.set": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description For each category (`billing`: statements and payment receipts; `announcements`; `maintenance`; `meetings`), whether to send it by e-mail and by SMS. Mandatory messages (password resets, invitations) are always sent. */
        requestBody: {
            content: {
                "application/json": {
                    announcements: {
                        email: boolean;
                        sms: boolean;
                    };
                    billing: {
                        email: boolean;
                        sms: boolean;
                    };
                    maintenance: {
                        email: boolean;
                        sms: boolean;
                    };
                    meetings: {
                        email: boolean;
                        sms: boolean;
                    };
                };
            };
        };
        responses: {
            /** @description For each category (`billing`: statements and payment receipts; `announcements`; `maintenance`; `meetings`), whether to send it by e-mail and by SMS. Mandatory messages (password resets, invitations) are always sent. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        announcements: {
                            email: boolean;
                            sms: boolean;
                        };
                        billing: {
                            email: boolean;
                            sms: boolean;
                        };
                        maintenance: {
                            email: boolean;
                            sms: boolean;
                        };
                        meetings: {
                            email: boolean;
                            sms: boolean;
                        };
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `core.user_has_password`, `core.user_disabled`, `core.system_role_immutable`, `core.role_key_taken`, `core.role_in_use`, `core.own_access`, `core.totp_already_enrolled`, `core.totp_not_enrolled`, `core.passkey_already_registered`, `core.passkey_unavailable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `core.wrong_password`, `core.unknown_permission`, `core.invalid_code`, `core.passkey_registration_failed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "me.passkeys.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            backedUp: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description `multiDevice`: a synced passkey */
                            deviceType: "singleDevice" | "multiDevice";
                            /** Format: uuid */
                            id: string;
                            lastUsedAt: string | null;
                            name: string;
                            /** @description How the browser reaches the authenticator (internal, usb, hybrid, …) */
                            transports: string[];
                        }[];
                    };
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "me.passkeys.register": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A name to tell it apart (default "Passkey") */
                    name?: string;
                    /** @description What the browser answered `navigator.credentials.create` with, as JSON (`PublicKeyCredential.toJSON()`) */
                    response: {
                        authenticatorAttachment?: string;
                        /** @description The client extension results, as the browser gave them */
                        clientExtensionResults: {
                            [key: string]: unknown;
                        };
                        /** @description The credential id */
                        id: string;
                        /** @description The credential id */
                        rawId: string;
                        response: {
                            /** @description The attestation object (CBOR) */
                            attestationObject: string;
                            /** @description The authenticator data */
                            authenticatorData?: string;
                            /** @description The client data the browser made */
                            clientDataJSON: string;
                            /** @description The public key (SPKI) */
                            publicKey?: string;
                            publicKeyAlgorithm?: number;
                            transports?: string[];
                        };
                        /** @enum {string} */
                        type: "public-key";
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        backedUp: boolean;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description `multiDevice`: a synced passkey */
                        deviceType: "singleDevice" | "multiDevice";
                        /** Format: uuid */
                        id: string;
                        lastUsedAt: string | null;
                        name: string;
                        /** @description How the browser reaches the authenticator (internal, usb, hybrid, …) */
                        transports: string[];
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `core.user_has_password`, `core.user_disabled`, `core.system_role_immutable`, `core.role_key_taken`, `core.role_in_use`, `core.own_access`, `core.totp_already_enrolled`, `core.totp_not_enrolled`, `core.passkey_already_registered`, `core.passkey_unavailable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `core.wrong_password`, `core.unknown_permission`, `core.invalid_code`, `core.passkey_registration_failed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "me.passkeys.remove": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `core.user_has_password`, `core.user_disabled`, `core.system_role_immutable`, `core.role_key_taken`, `core.role_in_use`, `core.own_access`, `core.totp_already_enrolled`, `core.totp_not_enrolled`, `core.passkey_already_registered`, `core.passkey_unavailable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `core.wrong_password`, `core.unknown_permission`, `core.invalid_code`, `core.passkey_registration_failed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "me.passkeys.registrationOptions": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description WebAuthn creation options (`PublicKeyCredentialCreationOptionsJSON`) for `navigator.credentials.create` (@simplewebauthn/browser startRegistration); the challenge is valid 5 minutes, once */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        challenge: string;
                        rp: {
                            id?: string;
                            name: string;
                        };
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `core.user_has_password`, `core.user_disabled`, `core.system_role_immutable`, `core.role_key_taken`, `core.role_in_use`, `core.own_access`, `core.totp_already_enrolled`, `core.totp_not_enrolled`, `core.passkey_already_registered`, `core.passkey_unavailable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `core.wrong_password`, `core.unknown_permission`, `core.invalid_code`, `core.passkey_registration_failed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "me.changePassword": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currentPassword: string;
                    /** @description At least 12 characters, not one of the most common passwords, and not containing the e-mail name or the organisation's name (problem `weak_password`) */
                    newPassword: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `core.user_has_password`, `core.user_disabled`, `core.system_role_immutable`, `core.role_key_taken`, `core.role_in_use`, `core.own_access`, `core.totp_already_enrolled`, `core.totp_not_enrolled`, `core.passkey_already_registered`, `core.passkey_unavailable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `core.wrong_password`, `core.unknown_permission`, `core.invalid_code`, `core.passkey_registration_failed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many attempts: wait as `Retry-After` says (`rate_limited`). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "me.sessions.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @description The session this request was made with */
                            current: boolean;
                            /**
                             * Format: date-time
                             * @description When the session ends unless it is used (refreshed) before
                             */
                            expiresAt: string;
                            /** Format: uuid */
                            id: string;
                            /** Format: date-time */
                            lastActiveAt: string;
                            /** Format: date-time */
                            startedAt: string;
                        }[];
                    };
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "me.sessions.end": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `core.user_has_password`, `core.user_disabled`, `core.system_role_immutable`, `core.role_key_taken`, `core.role_in_use`, `core.own_access`, `core.totp_already_enrolled`, `core.totp_not_enrolled`, `core.passkey_already_registered`, `core.passkey_unavailable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `core.wrong_password`, `core.unknown_permission`, `core.invalid_code`, `core.passkey_registration_failed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "members.list": {
        parameters: {
            query: {
                cursor?: string;
                limit: number;
                /** @description Matches first name, last name, full name or e-mail (not the e-mail when your roles hide it). */
                q?: string;
                sort?: "name" | "-name" | "createdAt" | "-createdAt";
                status?: "prospective" | "active" | "inactive" | "former";
                type?: "resident" | "owner" | "renter" | "household" | "other";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @description Left out when every role of yours hides it. */
                            address?: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Left out when every role of yours hides it. */
                            email?: string | null;
                            firstName: string;
                            /** Format: uuid */
                            id: string;
                            lastName: string;
                            /** @description Left out when every role of yours hides it. */
                            notes?: string;
                            /** @description Left out when every role of yours hides it. */
                            phone?: string | null;
                            /** @enum {string} */
                            status: "prospective" | "active" | "inactive" | "former";
                            /** @enum {string} */
                            type: "resident" | "owner" | "renter" | "household" | "other";
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `members.field_not_editable`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `members.not_a_member`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "members.create": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    address?: string | null;
                    email?: string | null;
                    firstName: string;
                    lastName: string;
                    notes?: string;
                    phone?: string | null;
                    /** @enum {string} */
                    status?: "prospective" | "active" | "inactive" | "former";
                    /** @enum {string} */
                    type: "resident" | "owner" | "renter" | "household" | "other";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Left out when every role of yours hides it. */
                        address?: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Left out when every role of yours hides it. */
                        email?: string | null;
                        firstName: string;
                        /** Format: uuid */
                        id: string;
                        lastName: string;
                        /** @description Left out when every role of yours hides it. */
                        notes?: string;
                        /** @description Left out when every role of yours hides it. */
                        phone?: string | null;
                        /** @enum {string} */
                        status: "prospective" | "active" | "inactive" | "former";
                        /** @enum {string} */
                        type: "resident" | "owner" | "renter" | "household" | "other";
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `members.field_not_editable`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `members.not_a_member`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "members.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Left out when every role of yours hides it. */
                        address?: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Left out when every role of yours hides it. */
                        email?: string | null;
                        firstName: string;
                        /** Format: uuid */
                        id: string;
                        lastName: string;
                        /** @description Left out when every role of yours hides it. */
                        notes?: string;
                        /** @description Left out when every role of yours hides it. */
                        phone?: string | null;
                        /** @enum {string} */
                        status: "prospective" | "active" | "inactive" | "former";
                        /** @enum {string} */
                        type: "resident" | "owner" | "renter" | "household" | "other";
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `members.field_not_editable`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `members.not_a_member`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "members.delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `members.field_not_editable`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `members.not_a_member`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "members.update": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    address?: string | null;
                    email?: string | null;
                    firstName?: string;
                    lastName?: string;
                    notes?: string;
                    phone?: string | null;
                    /** @enum {string} */
                    status?: "prospective" | "active" | "inactive" | "former";
                    /** @enum {string} */
                    type?: "resident" | "owner" | "renter" | "household" | "other";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Left out when every role of yours hides it. */
                        address?: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Left out when every role of yours hides it. */
                        email?: string | null;
                        firstName: string;
                        /** Format: uuid */
                        id: string;
                        lastName: string;
                        /** @description Left out when every role of yours hides it. */
                        notes?: string;
                        /** @description Left out when every role of yours hides it. */
                        phone?: string | null;
                        /** @enum {string} */
                        status: "prospective" | "active" | "inactive" | "former";
                        /** @enum {string} */
                        type: "resident" | "owner" | "renter" | "household" | "other";
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `members.field_not_editable`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `members.not_a_member`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "members.units.list": {
        parameters: {
            query: {
                /** @description Only occupancies that have not ended before today (current and coming). */
                current: boolean;
                /** @description Every occupancy, ended ones too (overrides `current`). */
                history: boolean;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Inclusive; null while open-ended. */
                            endDate: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @description The lease that made this occupancy (its renters), which then manages it. */
                            leaseId: string | null;
                            /** Format: uuid */
                            memberId: string;
                            /** @description Staff notes; not shown to portal members. */
                            notes?: string;
                            /** @description An owner's share of the unit, as a decimal string; null for other roles. */
                            ownershipShare: string | null;
                            /** @enum {unknown} */
                            role: "owner" | "resident" | "renter" | "household";
                            /** Format: date */
                            startDate: string;
                            unit: {
                                /** Format: uuid */
                                id: string;
                                label: string;
                                /** Format: uuid */
                                propertyId: string;
                            };
                            /** Format: uuid */
                            unitId: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        /** Format: uuid */
                        memberId: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "members.count": {
        parameters: {
            query?: {
                /** @description Matches first name, last name, full name or e-mail (not the e-mail when your roles hide it). */
                q?: string;
                status?: "prospective" | "active" | "inactive" | "former";
                type?: "resident" | "owner" | "renter" | "household" | "other";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `members.field_not_editable`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `members.not_a_member`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "members.me.get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        address: string | null;
                        /** @description The contact details members may change themselves in the portal (by default `phone` and `address`) */
                        editableFields: ("firstName" | "lastName" | "email" | "phone" | "address")[];
                        email: string | null;
                        firstName: string;
                        /** Format: uuid */
                        id: string;
                        lastName: string;
                        phone: string | null;
                    };
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `members.field_not_editable`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `members.not_a_member`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "members.me.update": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description Only the fields in `editableFields`; null clears one. Any other is refused (`members.field_not_editable`). */
        requestBody: {
            content: {
                "application/json": {
                    address?: string | null;
                    email?: string | null;
                    firstName?: string;
                    lastName?: string;
                    phone?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        address: string | null;
                        /** @description The contact details members may change themselves in the portal (by default `phone` and `address`) */
                        editableFields: ("firstName" | "lastName" | "email" | "phone" | "address")[];
                        email: string | null;
                        firstName: string;
                        /** Format: uuid */
                        id: string;
                        lastName: string;
                        phone: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `members.field_not_editable`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `members.not_a_member`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "occupancies.delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `occupancy.overlap`, `occupancy.shares_exceed_whole`, `occupancy.managed_by_lease`, `occupancy.start_date_fixed`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "occupancies.update": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The last day (inclusive): setting it ends the occupancy; null reopens it. */
                    endDate?: string | null;
                    notes?: string;
                    /** @description A decimal fraction of the unit in (0, 1], up to 9 decimals, e.g. "0.5" (a JSON number is accepted too). */
                    ownershipShare?: string | number;
                    /**
                     * Format: date
                     * @description Only while the occupancy has not begun.
                     */
                    startDate?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Inclusive; null while open-ended. */
                        endDate: string | null;
                        /** Format: uuid */
                        id: string;
                        /** @description The lease that made this occupancy (its renters), which then manages it. */
                        leaseId: string | null;
                        /** Format: uuid */
                        memberId: string;
                        /** @description Staff notes; not shown to portal members. */
                        notes?: string;
                        /** @description An owner's share of the unit, as a decimal string; null for other roles. */
                        ownershipShare: string | null;
                        /** @enum {unknown} */
                        role: "owner" | "resident" | "renter" | "household";
                        /** Format: date */
                        startDate: string;
                        /** Format: uuid */
                        unitId: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `occupancy.overlap`, `occupancy.shares_exceed_whole`, `occupancy.managed_by_lease`, `occupancy.start_date_fixed`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "permissions.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            description: string;
                            key: string;
                            module: string;
                            /** @description Its actions ask for a second factor given in the last 15 minutes */
                            stepUp: boolean;
                        }[];
                        /** @description The fields a role may hide, by resource */
                        fields: {
                            fields: {
                                description: string;
                                key: string;
                            }[];
                            module: string;
                            resource: string;
                        }[];
                    };
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "portal.branding": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description The language of the pages before anyone signs in.
                         * @enum {unknown}
                         */
                        defaultLocale: "en" | "es";
                        /** @description The tenant's display name, or its name when none is set. */
                        displayName: string;
                        logoUrl: string | null;
                        primaryColor: string | null;
                    };
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "portal.manifest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A W3C web app manifest */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        background_color: string;
                        /** @enum {string} */
                        display: "standalone";
                        icons: {
                            purpose: string;
                            sizes: string;
                            src: string;
                            type: string;
                        }[];
                        id: string;
                        name: string;
                        scope: string;
                        short_name: string;
                        start_url: string;
                        theme_color: string;
                    };
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "properties.list": {
        parameters: {
            query: {
                cursor?: string;
                /** @description Also list archived records (hidden by default). */
                includeArchived?: boolean;
                kind?: "residential" | "commercial" | "mixed" | "land";
                limit: number;
                /** @description Only the properties directly under this one. */
                parentId?: string;
                /** @description Part of the name, any case. */
                q?: string;
                /** @description Only properties with no parent. */
                topLevel?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            address: {
                                city: string | null;
                                country: string | null;
                                lines: string[];
                                postalCode: string | null;
                                region: string | null;
                            };
                            archived: boolean;
                            archivedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            /** @enum {unknown} */
                            kind: "residential" | "commercial" | "mixed" | "land";
                            name: string;
                            notes: string;
                            parentId: string | null;
                            /** @description How the participation shares of the property's own units add up. */
                            shares: {
                                /** @description Whether the total is exactly 1. */
                                balanced: boolean;
                                /** @description Their shares summed exactly, as a decimal string. */
                                total: string;
                                /** @description Units that are not archived and have a participation share. */
                                unitCount: number;
                            };
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "properties.create": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description On a change, the fields given replace those fields; null clears one. */
                    address?: {
                        city?: string | null;
                        country?: string | null;
                        /** @description Street lines, first to last. */
                        lines?: string[];
                        postalCode?: string | null;
                        region?: string | null;
                    };
                    /** @enum {unknown} */
                    kind: "residential" | "commercial" | "mixed" | "land";
                    name: string;
                    notes?: string;
                    parentId?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        address: {
                            city: string | null;
                            country: string | null;
                            lines: string[];
                            postalCode: string | null;
                            region: string | null;
                        };
                        archived: boolean;
                        archivedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: uuid */
                        id: string;
                        /** @enum {unknown} */
                        kind: "residential" | "commercial" | "mixed" | "land";
                        name: string;
                        notes: string;
                        parentId: string | null;
                        /** @description How the participation shares of the property's own units add up. */
                        shares: {
                            /** @description Whether the total is exactly 1. */
                            balanced: boolean;
                            /** @description Their shares summed exactly, as a decimal string. */
                            total: string;
                            /** @description Units that are not archived and have a participation share. */
                            unitCount: number;
                        };
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `properties.parent_archived`, `properties.property_archived`, `properties.has_dependents`, `properties.unit_has_history`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `properties.import_rejected`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "properties.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        address: {
                            city: string | null;
                            country: string | null;
                            lines: string[];
                            postalCode: string | null;
                            region: string | null;
                        };
                        archived: boolean;
                        archivedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: uuid */
                        id: string;
                        /** @enum {unknown} */
                        kind: "residential" | "commercial" | "mixed" | "land";
                        name: string;
                        notes: string;
                        parentId: string | null;
                        /** @description How the participation shares of the property's own units add up. */
                        shares: {
                            /** @description Whether the total is exactly 1. */
                            balanced: boolean;
                            /** @description Their shares summed exactly, as a decimal string. */
                            total: string;
                            /** @description Units that are not archived and have a participation share. */
                            unitCount: number;
                        };
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "properties.delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `properties.parent_archived`, `properties.property_archived`, `properties.has_dependents`, `properties.unit_has_history`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `properties.import_rejected`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "properties.update": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description On a change, the fields given replace those fields; null clears one. */
                    address?: {
                        city?: string | null;
                        country?: string | null;
                        /** @description Street lines, first to last. */
                        lines?: string[];
                        postalCode?: string | null;
                        region?: string | null;
                    };
                    /** @description true archives, false restores. */
                    archived?: boolean;
                    /** @enum {unknown} */
                    kind?: "residential" | "commercial" | "mixed" | "land";
                    name?: string;
                    notes?: string;
                    parentId?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        address: {
                            city: string | null;
                            country: string | null;
                            lines: string[];
                            postalCode: string | null;
                            region: string | null;
                        };
                        archived: boolean;
                        archivedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: uuid */
                        id: string;
                        /** @enum {unknown} */
                        kind: "residential" | "commercial" | "mixed" | "land";
                        name: string;
                        notes: string;
                        parentId: string | null;
                        /** @description How the participation shares of the property's own units add up. */
                        shares: {
                            /** @description Whether the total is exactly 1. */
                            balanced: boolean;
                            /** @description Their shares summed exactly, as a decimal string. */
                            total: string;
                            /** @description Units that are not archived and have a participation share. */
                            unitCount: number;
                        };
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `properties.parent_archived`, `properties.property_archived`, `properties.has_dependents`, `properties.unit_has_history`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `properties.import_rejected`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "properties.units.list": {
        parameters: {
            query: {
                cursor?: string;
                /** @description Also list archived records (hidden by default). */
                includeArchived?: boolean;
                kind?: "apartment" | "house" | "plot" | "shop" | "office" | "parking" | "storage" | "other";
                limit: number;
                /** @description Part of the label, any case. */
                q?: string;
                status?: "vacant" | "occupied" | "owner-occupied" | "unavailable";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            amenities: string[];
                            archived: boolean;
                            archivedAt: string | null;
                            area: number | null;
                            bedrooms: number | null;
                            /** Format: date-time */
                            createdAt: string;
                            floor: number | null;
                            /** Format: uuid */
                            id: string;
                            /** @enum {unknown} */
                            kind: "apartment" | "house" | "plot" | "shop" | "office" | "parking" | "storage" | "other";
                            label: string;
                            notes: string;
                            participationPerMille: number | null;
                            participationShare: string | null;
                            /** Format: uuid */
                            propertyId: string;
                            /**
                             * @description Derived, read-only: `unavailable` when the unit is marked so, otherwise what occupancy says.
                             * @enum {unknown}
                             */
                            status: "vacant" | "occupied" | "owner-occupied" | "unavailable";
                            unavailable: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "properties.units.create": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    amenities?: string[];
                    area?: number | null;
                    bedrooms?: number | null;
                    floor?: number | null;
                    /** @enum {unknown} */
                    kind: "apartment" | "house" | "plot" | "shop" | "office" | "parking" | "storage" | "other";
                    label: string;
                    notes?: string;
                    /** @description The share in per mille (0–1000, up to 6 decimals), instead of participationShare. */
                    participationPerMille?: string | number | null;
                    /** @description A fraction of 1 with up to 9 decimals, as a string ("0.125") or a number; null clears the share. */
                    participationShare?: string | number | null;
                    /** @description Taken off the market by hand: the status becomes `unavailable`. */
                    unavailable?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        amenities: string[];
                        archived: boolean;
                        archivedAt: string | null;
                        area: number | null;
                        bedrooms: number | null;
                        /** Format: date-time */
                        createdAt: string;
                        floor: number | null;
                        /** Format: uuid */
                        id: string;
                        /** @enum {unknown} */
                        kind: "apartment" | "house" | "plot" | "shop" | "office" | "parking" | "storage" | "other";
                        label: string;
                        notes: string;
                        participationPerMille: number | null;
                        participationShare: string | null;
                        /** Format: uuid */
                        propertyId: string;
                        /** @description How the participation shares of the property's own units add up. */
                        propertyShares: {
                            /** @description Whether the total is exactly 1. */
                            balanced: boolean;
                            /** @description Their shares summed exactly, as a decimal string. */
                            total: string;
                            /** @description Units that are not archived and have a participation share. */
                            unitCount: number;
                        };
                        /**
                         * @description Derived, read-only: `unavailable` when the unit is marked so, otherwise what occupancy says.
                         * @enum {unknown}
                         */
                        status: "vacant" | "occupied" | "owner-occupied" | "unavailable";
                        unavailable: boolean;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `properties.parent_archived`, `properties.property_archived`, `properties.has_dependents`, `properties.unit_has_history`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `properties.import_rejected`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "properties.import": {
        parameters: {
            query: {
                /** @description Check the file and tell what would change, writing nothing. */
                dryRun: boolean;
            };
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created: {
                            properties: number;
                            units: number;
                        };
                        dryRun: boolean;
                        errors: {
                            field: string | null;
                            message: string;
                            /** @description Line of the file the row starts on, counting the header as line 1 (the first data row is 2). */
                            row: number;
                        }[];
                        /** @description Data rows in the file. */
                        rows: number;
                        unchanged: {
                            properties: number;
                            units: number;
                        };
                        updated: {
                            properties: number;
                            units: number;
                        };
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `properties.parent_archived`, `properties.property_archived`, `properties.has_dependents`, `properties.unit_has_history`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `properties.import_rejected`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "reports.rentRoll": {
        parameters: {
            query?: {
                /** @description Default today. */
                date?: string;
                /** @description `csv` downloads the report as a spreadsheet. */
                format?: "json" | "csv";
                /** @description Units of this property and of the properties inside it. */
                propertyId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date */
                        date: string;
                        propertyId: string | null;
                        rows: {
                            deposit: number;
                            endDate: string | null;
                            /** @enum {unknown} */
                            frequency: "weekly" | "monthly" | "quarterly" | "yearly";
                            /** Format: uuid */
                            leaseId: string;
                            /** @description The rent per month in minor units: weekly × 52 / 12, quarterly / 3, yearly / 12, rounded half to even. */
                            monthlyRent: number;
                            /** Format: uuid */
                            propertyId: string;
                            propertyName: string;
                            rent: {
                                /** @description Integer minor units (cents), at most 10^13. */
                                amount: number;
                                /** @description ISO 4217 code, e.g. EUR. */
                                currency: string;
                            };
                            renters: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            }[];
                            /** Format: date */
                            startDate: string;
                            /** @enum {unknown} */
                            status: "draft" | "active" | "ending" | "ended" | "terminated";
                            /** Format: uuid */
                            unitId: string;
                            unitLabel: string;
                        }[];
                        totals: {
                            /** @description ISO 4217 code, e.g. EUR. */
                            currency: string;
                            deposit: number;
                            monthlyRent: number;
                            units: number;
                        }[];
                    };
                    "text/csv": string;
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "reports.vacancy": {
        parameters: {
            query?: {
                /** @description `csv` downloads the report as a spreadsheet. */
                format?: "json" | "csv";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Each property that has units, by name. */
                        properties: {
                            occupied: number;
                            ownerOccupied: number;
                            parentId: string | null;
                            /** Format: uuid */
                            propertyId: string;
                            propertyName: string;
                            unavailable: number;
                            /** @description Units that are not archived. */
                            units: number;
                            vacancyRate: number | null;
                            vacant: number;
                        }[];
                        totals: {
                            occupied: number;
                            ownerOccupied: number;
                            unavailable: number;
                            /** @description Units that are not archived. */
                            units: number;
                            vacancyRate: number | null;
                            vacant: number;
                        };
                    };
                    "text/csv": string;
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "roles.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: date-time */
                            createdAt: string;
                            description: string;
                            /** @description Fields of other modules' records the role hides, by resource (`GET /permissions` lists them), e.g. `{"members": {"hidden": ["email", "phone"]}}`. A field is visible to a user when any of their roles sees it. */
                            fieldRestrictions: {
                                [key: string]: {
                                    /** @description Fields hidden from a user all of whose roles hide them */
                                    hidden: string[];
                                };
                            };
                            /** Format: uuid */
                            id: string;
                            key: string;
                            name: string;
                            permissions: string[];
                            /** @description A system role (owner, manager, staff, member): read-only */
                            system: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                            users: number;
                        }[];
                    };
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "roles.create": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string;
                    /** @description Fields of other modules' records the role hides, by resource (`GET /permissions` lists them), e.g. `{"members": {"hidden": ["email", "phone"]}}`. A field is visible to a user when any of their roles sees it. */
                    fieldRestrictions?: {
                        [key: string]: {
                            /** @description Fields hidden from a user all of whose roles hide them */
                            hidden: string[];
                        };
                    };
                    /** @description Lower-case letters, digits, `_` and `-`, starting with a letter; unique in the tenant (problem `core.role_key_taken`) */
                    key: string;
                    name: string;
                    /** @description Permissions you hold yourself (problems `core.unknown_permission`, `core.permission_not_held`) */
                    permissions: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        description: string;
                        /** @description Fields of other modules' records the role hides, by resource (`GET /permissions` lists them), e.g. `{"members": {"hidden": ["email", "phone"]}}`. A field is visible to a user when any of their roles sees it. */
                        fieldRestrictions: {
                            [key: string]: {
                                /** @description Fields hidden from a user all of whose roles hide them */
                                hidden: string[];
                            };
                        };
                        /** Format: uuid */
                        id: string;
                        key: string;
                        name: string;
                        permissions: string[];
                        /** @description A system role (owner, manager, staff, member): read-only */
                        system: boolean;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `core.user_has_password`, `core.user_disabled`, `core.system_role_immutable`, `core.role_key_taken`, `core.role_in_use`, `core.own_access`, `core.totp_already_enrolled`, `core.totp_not_enrolled`, `core.passkey_already_registered`, `core.passkey_unavailable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `core.wrong_password`, `core.unknown_permission`, `core.invalid_code`, `core.passkey_registration_failed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "roles.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        description: string;
                        /** @description Fields of other modules' records the role hides, by resource (`GET /permissions` lists them), e.g. `{"members": {"hidden": ["email", "phone"]}}`. A field is visible to a user when any of their roles sees it. */
                        fieldRestrictions: {
                            [key: string]: {
                                /** @description Fields hidden from a user all of whose roles hide them */
                                hidden: string[];
                            };
                        };
                        /** Format: uuid */
                        id: string;
                        key: string;
                        name: string;
                        permissions: string[];
                        /** @description A system role (owner, manager, staff, member): read-only */
                        system: boolean;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "roles.delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `core.user_has_password`, `core.user_disabled`, `core.system_role_immutable`, `core.role_key_taken`, `core.role_in_use`, `core.own_access`, `core.totp_already_enrolled`, `core.totp_not_enrolled`, `core.passkey_already_registered`, `core.passkey_unavailable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `core.wrong_password`, `core.unknown_permission`, `core.invalid_code`, `core.passkey_registration_failed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "roles.update": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string;
                    /** @description Fields of other modules' records the role hides, by resource (`GET /permissions` lists them), e.g. `{"members": {"hidden": ["email", "phone"]}}`. A field is visible to a user when any of their roles sees it. */
                    fieldRestrictions?: {
                        [key: string]: {
                            /** @description Fields hidden from a user all of whose roles hide them */
                            hidden: string[];
                        };
                    };
                    name?: string;
                    /** @description Permissions you hold yourself (problems `core.unknown_permission`, `core.permission_not_held`) */
                    permissions?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        description: string;
                        /** @description Fields of other modules' records the role hides, by resource (`GET /permissions` lists them), e.g. `{"members": {"hidden": ["email", "phone"]}}`. A field is visible to a user when any of their roles sees it. */
                        fieldRestrictions: {
                            [key: string]: {
                                /** @description Fields hidden from a user all of whose roles hide them */
                                hidden: string[];
                            };
                        };
                        /** Format: uuid */
                        id: string;
                        key: string;
                        name: string;
                        permissions: string[];
                        /** @description A system role (owner, manager, staff, member): read-only */
                        system: boolean;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `core.user_has_password`, `core.user_disabled`, `core.system_role_immutable`, `core.role_key_taken`, `core.role_in_use`, `core.own_access`, `core.totp_already_enrolled`, `core.totp_not_enrolled`, `core.passkey_already_registered`, `core.passkey_unavailable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `core.wrong_password`, `core.unknown_permission`, `core.invalid_code`, `core.passkey_registration_failed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "settings.branding.get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A colour as `#rrggbb`. */
                        accentColor?: string;
                        displayName?: string;
                        /**
                         * Format: uri
                         * @description An https URL of an image.
                         */
                        logoUrl?: string;
                        /** @description A colour as `#rrggbb`. */
                        primaryColor?: string;
                        /** Format: email */
                        supportEmail?: string;
                    };
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "settings.branding.update": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description A value sets the field, null removes it (back to the default), an absent field is kept. */
        requestBody: {
            content: {
                "application/json": {
                    accentColor?: string | null;
                    displayName?: string | null;
                    logoUrl?: string | null;
                    primaryColor?: string | null;
                    supportEmail?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A colour as `#rrggbb`. */
                        accentColor?: string;
                        displayName?: string;
                        /**
                         * Format: uri
                         * @description An https URL of an image.
                         */
                        logoUrl?: string;
                        /** @description A colour as `#rrggbb`. */
                        primaryColor?: string;
                        /** Format: email */
                        supportEmail?: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `core.user_has_password`, `core.user_disabled`, `core.system_role_immutable`, `core.role_key_taken`, `core.role_in_use`, `core.own_access`, `core.totp_already_enrolled`, `core.totp_not_enrolled`, `core.passkey_already_registered`, `core.passkey_unavailable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `core.wrong_password`, `core.unknown_permission`, `core.invalid_code`, `core.passkey_registration_failed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "settings.memberSelfService.get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The contact details members may change themselves in the portal (by default `phone` and `address`) */
                        editableFields: ("firstName" | "lastName" | "email" | "phone" | "address")[];
                    };
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `members.field_not_editable`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `members.not_a_member`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "settings.memberSelfService.update": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The contact details members may change themselves in the portal (by default `phone` and `address`) */
                    editableFields: ("firstName" | "lastName" | "email" | "phone" | "address")[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The contact details members may change themselves in the portal (by default `phone` and `address`) */
                        editableFields: ("firstName" | "lastName" | "email" | "phone" | "address")[];
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `members.field_not_editable`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `members.not_a_member`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "settings.regional.get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The language of users who chose none */
                        defaultLocale: string;
                        /** @description The IANA time zone the tenant's calendar follows */
                        timeZone: string;
                    };
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "settings.regional.update": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The language of users who chose none (default `en`)
                     * @enum {unknown}
                     */
                    defaultLocale?: "en" | "es";
                    /** @description An IANA time zone, e.g. `Pacific/Auckland` (default `UTC`): "today", due dates, late-fee days, lease endings and monthly jobs follow it */
                    timeZone?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The language of users who chose none */
                        defaultLocale: string;
                        /** @description The IANA time zone the tenant's calendar follows */
                        timeZone: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `core.user_has_password`, `core.user_disabled`, `core.system_role_immutable`, `core.role_key_taken`, `core.role_in_use`, `core.own_access`, `core.totp_already_enrolled`, `core.totp_not_enrolled`, `core.passkey_already_registered`, `core.passkey_unavailable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `core.wrong_password`, `core.unknown_permission`, `core.invalid_code`, `core.passkey_registration_failed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "settings.twoStep.get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Role keys whose users must sign in with two steps */
                        requiredRoles: string[];
                    };
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "settings.twoStep.update": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Role keys whose users must sign in with two steps */
                    requiredRoles: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Role keys whose users must sign in with two steps */
                        requiredRoles: string[];
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `core.user_has_password`, `core.user_disabled`, `core.system_role_immutable`, `core.role_key_taken`, `core.role_in_use`, `core.own_access`, `core.totp_already_enrolled`, `core.totp_not_enrolled`, `core.passkey_already_registered`, `core.passkey_unavailable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `core.wrong_password`, `core.unknown_permission`, `core.invalid_code`, `core.passkey_registration_failed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "sso.providers.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            clientId: string;
                            /** @enum {boolean} */
                            clientSecretSet: true;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Roles every user provisioned by this provider gets */
                            defaultRoles: string[];
                            /** @description The e-mail domains this provider is for (discovery, and `required`) */
                            emailDomains: string[];
                            /** Format: uuid */
                            id: string;
                            /**
                             * Format: uri
                             * @description The OpenID provider's issuer URL (its discovery document is at `/.well-known/openid-configuration` under it)
                             */
                            issuer: string;
                            /** @description Create a user at their first sign-in (with the mapped roles); else only existing users sign in */
                            jitProvisioning: boolean;
                            /** @description What the sign-in button says: "Sign in with <name>" */
                            name: string;
                            /** @description Addresses of `emailDomains` may sign in only with this provider: no password sign-in or reset */
                            required: boolean;
                            /** @description The ID token claim whose values map to roles, e.g. `groups` or `roles` */
                            roleClaim: string | null;
                            /** @description Claim value → role key, for users provisioned at their first sign-in */
                            roleMapping: {
                                [key: string]: string;
                            };
                            /** @description Default: openid, email, profile */
                            scopes: string[];
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        /** @description The redirect URI to register at each provider */
                        redirectUri: string;
                    };
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "sso.providers.create": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    clientId: string;
                    /** @description Sealed at rest; never answered */
                    clientSecret: string;
                    /** @description Roles every user provisioned by this provider gets */
                    defaultRoles?: string[];
                    /** @description The e-mail domains this provider is for (discovery, and `required`) */
                    emailDomains?: string[];
                    /**
                     * Format: uri
                     * @description The OpenID provider's issuer URL (its discovery document is at `/.well-known/openid-configuration` under it)
                     */
                    issuer: string;
                    /** @description Create a user at their first sign-in (with the mapped roles); else only existing users sign in */
                    jitProvisioning?: boolean;
                    /** @description What the sign-in button says: "Sign in with <name>" */
                    name: string;
                    /** @description Addresses of `emailDomains` may sign in only with this provider: no password sign-in or reset */
                    required?: boolean;
                    /** @description The ID token claim whose values map to roles, e.g. `groups` or `roles` */
                    roleClaim?: string | null;
                    /** @description Claim value → role key, for users provisioned at their first sign-in */
                    roleMapping?: {
                        [key: string]: string;
                    };
                    /** @description Default: openid, email, profile */
                    scopes?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        clientId: string;
                        /** @enum {boolean} */
                        clientSecretSet: true;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Roles every user provisioned by this provider gets */
                        defaultRoles: string[];
                        /** @description The e-mail domains this provider is for (discovery, and `required`) */
                        emailDomains: string[];
                        /** Format: uuid */
                        id: string;
                        /**
                         * Format: uri
                         * @description The OpenID provider's issuer URL (its discovery document is at `/.well-known/openid-configuration` under it)
                         */
                        issuer: string;
                        /** @description Create a user at their first sign-in (with the mapped roles); else only existing users sign in */
                        jitProvisioning: boolean;
                        /** @description What the sign-in button says: "Sign in with <name>" */
                        name: string;
                        /** @description Addresses of `emailDomains` may sign in only with this provider: no password sign-in or reset */
                        required: boolean;
                        /** @description The ID token claim whose values map to roles, e.g. `groups` or `roles` */
                        roleClaim: string | null;
                        /** @description Claim value → role key, for users provisioned at their first sign-in */
                        roleMapping: {
                            [key: string]: string;
                        };
                        /** @description Default: openid, email, profile */
                        scopes: string[];
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `core.user_has_password`, `core.user_disabled`, `core.system_role_immutable`, `core.role_key_taken`, `core.role_in_use`, `core.own_access`, `core.totp_already_enrolled`, `core.totp_not_enrolled`, `core.passkey_already_registered`, `core.passkey_unavailable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `core.wrong_password`, `core.unknown_permission`, `core.invalid_code`, `core.passkey_registration_failed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "sso.providers.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        clientId: string;
                        /** @enum {boolean} */
                        clientSecretSet: true;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Roles every user provisioned by this provider gets */
                        defaultRoles: string[];
                        /** @description The e-mail domains this provider is for (discovery, and `required`) */
                        emailDomains: string[];
                        /** Format: uuid */
                        id: string;
                        /**
                         * Format: uri
                         * @description The OpenID provider's issuer URL (its discovery document is at `/.well-known/openid-configuration` under it)
                         */
                        issuer: string;
                        /** @description Create a user at their first sign-in (with the mapped roles); else only existing users sign in */
                        jitProvisioning: boolean;
                        /** @description What the sign-in button says: "Sign in with <name>" */
                        name: string;
                        /** @description Addresses of `emailDomains` may sign in only with this provider: no password sign-in or reset */
                        required: boolean;
                        /** @description The ID token claim whose values map to roles, e.g. `groups` or `roles` */
                        roleClaim: string | null;
                        /** @description Claim value → role key, for users provisioned at their first sign-in */
                        roleMapping: {
                            [key: string]: string;
                        };
                        /** @description Default: openid, email, profile */
                        scopes: string[];
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "sso.providers.delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `core.user_has_password`, `core.user_disabled`, `core.system_role_immutable`, `core.role_key_taken`, `core.role_in_use`, `core.own_access`, `core.totp_already_enrolled`, `core.totp_not_enrolled`, `core.passkey_already_registered`, `core.passkey_unavailable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `core.wrong_password`, `core.unknown_permission`, `core.invalid_code`, `core.passkey_registration_failed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "sso.providers.update": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    clientId?: string;
                    /** @description Sealed at rest; never answered */
                    clientSecret?: string;
                    /** @description Roles every user provisioned by this provider gets */
                    defaultRoles?: string[];
                    /** @description The e-mail domains this provider is for (discovery, and `required`) */
                    emailDomains?: string[];
                    /**
                     * Format: uri
                     * @description The OpenID provider's issuer URL (its discovery document is at `/.well-known/openid-configuration` under it)
                     */
                    issuer?: string;
                    /** @description Create a user at their first sign-in (with the mapped roles); else only existing users sign in */
                    jitProvisioning?: boolean;
                    /** @description What the sign-in button says: "Sign in with <name>" */
                    name?: string;
                    /** @description Addresses of `emailDomains` may sign in only with this provider: no password sign-in or reset */
                    required?: boolean;
                    /** @description The ID token claim whose values map to roles, e.g. `groups` or `roles` */
                    roleClaim?: string | null;
                    /** @description Claim value → role key, for users provisioned at their first sign-in */
                    roleMapping?: {
                        [key: string]: string;
                    };
                    /** @description Default: openid, email, profile */
                    scopes?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        clientId: string;
                        /** @enum {boolean} */
                        clientSecretSet: true;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Roles every user provisioned by this provider gets */
                        defaultRoles: string[];
                        /** @description The e-mail domains this provider is for (discovery, and `required`) */
                        emailDomains: string[];
                        /** Format: uuid */
                        id: string;
                        /**
                         * Format: uri
                         * @description The OpenID provider's issuer URL (its discovery document is at `/.well-known/openid-configuration` under it)
                         */
                        issuer: string;
                        /** @description Create a user at their first sign-in (with the mapped roles); else only existing users sign in */
                        jitProvisioning: boolean;
                        /** @description What the sign-in button says: "Sign in with <name>" */
                        name: string;
                        /** @description Addresses of `emailDomains` may sign in only with this provider: no password sign-in or reset */
                        required: boolean;
                        /** @description The ID token claim whose values map to roles, e.g. `groups` or `roles` */
                        roleClaim: string | null;
                        /** @description Claim value → role key, for users provisioned at their first sign-in */
                        roleMapping: {
                            [key: string]: string;
                        };
                        /** @description Default: openid, email, profile */
                        scopes: string[];
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `core.user_has_password`, `core.user_disabled`, `core.system_role_immutable`, `core.role_key_taken`, `core.role_in_use`, `core.own_access`, `core.totp_already_enrolled`, `core.totp_not_enrolled`, `core.passkey_already_registered`, `core.passkey_unavailable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `core.wrong_password`, `core.unknown_permission`, `core.invalid_code`, `core.passkey_registration_failed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "units.list": {
        parameters: {
            query: {
                cursor?: string;
                /** @description Also list archived records (hidden by default). */
                includeArchived?: boolean;
                kind?: "apartment" | "house" | "plot" | "shop" | "office" | "parking" | "storage" | "other";
                limit: number;
                propertyId?: string;
                /** @description Part of the label, any case. */
                q?: string;
                status?: "vacant" | "occupied" | "owner-occupied" | "unavailable";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            amenities: string[];
                            archived: boolean;
                            archivedAt: string | null;
                            area: number | null;
                            bedrooms: number | null;
                            /** Format: date-time */
                            createdAt: string;
                            floor: number | null;
                            /** Format: uuid */
                            id: string;
                            /** @enum {unknown} */
                            kind: "apartment" | "house" | "plot" | "shop" | "office" | "parking" | "storage" | "other";
                            label: string;
                            notes: string;
                            participationPerMille: number | null;
                            participationShare: string | null;
                            /** Format: uuid */
                            propertyId: string;
                            /**
                             * @description Derived, read-only: `unavailable` when the unit is marked so, otherwise what occupancy says.
                             * @enum {unknown}
                             */
                            status: "vacant" | "occupied" | "owner-occupied" | "unavailable";
                            unavailable: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "units.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        amenities: string[];
                        archived: boolean;
                        archivedAt: string | null;
                        area: number | null;
                        bedrooms: number | null;
                        /** Format: date-time */
                        createdAt: string;
                        floor: number | null;
                        /** Format: uuid */
                        id: string;
                        /** @enum {unknown} */
                        kind: "apartment" | "house" | "plot" | "shop" | "office" | "parking" | "storage" | "other";
                        label: string;
                        notes: string;
                        participationPerMille: number | null;
                        participationShare: string | null;
                        /** Format: uuid */
                        propertyId: string;
                        /** @description How the participation shares of the property's own units add up. */
                        propertyShares: {
                            /** @description Whether the total is exactly 1. */
                            balanced: boolean;
                            /** @description Their shares summed exactly, as a decimal string. */
                            total: string;
                            /** @description Units that are not archived and have a participation share. */
                            unitCount: number;
                        };
                        /**
                         * @description Derived, read-only: `unavailable` when the unit is marked so, otherwise what occupancy says.
                         * @enum {unknown}
                         */
                        status: "vacant" | "occupied" | "owner-occupied" | "unavailable";
                        unavailable: boolean;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "units.delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `properties.parent_archived`, `properties.property_archived`, `properties.has_dependents`, `properties.unit_has_history`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `properties.import_rejected`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "units.update": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    amenities?: string[];
                    /** @description true archives, false restores. */
                    archived?: boolean;
                    area?: number | null;
                    bedrooms?: number | null;
                    floor?: number | null;
                    /** @enum {unknown} */
                    kind?: "apartment" | "house" | "plot" | "shop" | "office" | "parking" | "storage" | "other";
                    label?: string;
                    notes?: string;
                    /** @description The share in per mille (0–1000, up to 6 decimals), instead of participationShare. */
                    participationPerMille?: string | number | null;
                    /** @description A fraction of 1 with up to 9 decimals, as a string ("0.125") or a number; null clears the share. */
                    participationShare?: string | number | null;
                    /** @description Taken off the market by hand: the status becomes `unavailable`. */
                    unavailable?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        amenities: string[];
                        archived: boolean;
                        archivedAt: string | null;
                        area: number | null;
                        bedrooms: number | null;
                        /** Format: date-time */
                        createdAt: string;
                        floor: number | null;
                        /** Format: uuid */
                        id: string;
                        /** @enum {unknown} */
                        kind: "apartment" | "house" | "plot" | "shop" | "office" | "parking" | "storage" | "other";
                        label: string;
                        notes: string;
                        participationPerMille: number | null;
                        participationShare: string | null;
                        /** Format: uuid */
                        propertyId: string;
                        /** @description How the participation shares of the property's own units add up. */
                        propertyShares: {
                            /** @description Whether the total is exactly 1. */
                            balanced: boolean;
                            /** @description Their shares summed exactly, as a decimal string. */
                            total: string;
                            /** @description Units that are not archived and have a participation share. */
                            unitCount: number;
                        };
                        /**
                         * @description Derived, read-only: `unavailable` when the unit is marked so, otherwise what occupancy says.
                         * @enum {unknown}
                         */
                        status: "vacant" | "occupied" | "owner-occupied" | "unavailable";
                        unavailable: boolean;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `properties.parent_archived`, `properties.property_archived`, `properties.has_dependents`, `properties.unit_has_history`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `properties.import_rejected`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "units.occupants.list": {
        parameters: {
            query: {
                /** @description Who occupies the unit on this day (default today). */
                date?: string;
                /** @description List every occupancy of the unit, ended and coming ones too. */
                history: boolean;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Inclusive; null while open-ended. */
                            endDate: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @description The lease that made this occupancy (its renters), which then manages it. */
                            leaseId: string | null;
                            member: {
                                firstName: string;
                                lastName: string;
                            };
                            /** Format: uuid */
                            memberId: string;
                            /** @description Staff notes; not shown to portal members. */
                            notes?: string;
                            /** @description An owner's share of the unit, as a decimal string; null for other roles. */
                            ownershipShare: string | null;
                            /** @enum {unknown} */
                            role: "owner" | "resident" | "renter" | "household";
                            /** Format: date */
                            startDate: string;
                            /** Format: uuid */
                            unitId: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        /** Format: date */
                        date: string;
                        ownership: {
                            /** @description Whether the owners' shares sum to exactly 1. */
                            balanced: boolean;
                            owners: {
                                /** Format: uuid */
                                memberId: string;
                                /** Format: uuid */
                                occupancyId: string;
                                ownershipShare: string;
                            }[];
                            /** @description The sum of the owners' shares, as a decimal string. */
                            total: string;
                        };
                        /** Format: uuid */
                        unitId: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "units.occupants.attach": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Inclusive; null while open-ended. */
                    endDate?: string | null;
                    /** Format: uuid */
                    memberId: string;
                    notes?: string;
                    /** @description A decimal fraction of the unit in (0, 1], up to 9 decimals, e.g. "0.5" (a JSON number is accepted too). */
                    ownershipShare?: string | number;
                    /** @enum {unknown} */
                    role: "owner" | "resident" | "renter" | "household";
                    /** Format: date */
                    startDate: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        /** @description Inclusive; null while open-ended. */
                        endDate: string | null;
                        /** Format: uuid */
                        id: string;
                        /** @description The lease that made this occupancy (its renters), which then manages it. */
                        leaseId: string | null;
                        /** Format: uuid */
                        memberId: string;
                        /** @description Staff notes; not shown to portal members. */
                        notes?: string;
                        /** @description An owner's share of the unit, as a decimal string; null for other roles. */
                        ownershipShare: string | null;
                        /** @enum {unknown} */
                        role: "owner" | "resident" | "renter" | "household";
                        /** Format: date */
                        startDate: string;
                        /** Format: uuid */
                        unitId: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `occupancy.overlap`, `occupancy.shares_exceed_whole`, `occupancy.managed_by_lease`, `occupancy.start_date_fixed`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "users.list": {
        parameters: {
            query: {
                cursor?: string;
                limit: number;
                /** @description Matches the name or e-mail. */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: date-time */
                            createdAt: string;
                            email: string;
                            /** Format: uuid */
                            id: string;
                            lastLoginAt: string | null;
                            locale: string | null;
                            memberId: string | null;
                            name: string;
                            roles: string[];
                            status: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "users.create": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    locale?: string | null;
                    memberId?: string | null;
                    name: string;
                    /** @description At least 12 characters, not one of the most common passwords, and not containing the e-mail name or the organisation's name (problem `weak_password`) */
                    password?: string;
                    roles: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        email: string;
                        /** Format: uuid */
                        id: string;
                        lastLoginAt: string | null;
                        locale: string | null;
                        memberId: string | null;
                        name: string;
                        roles: string[];
                        status: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `core.user_has_password`, `core.user_disabled`, `core.system_role_immutable`, `core.role_key_taken`, `core.role_in_use`, `core.own_access`, `core.totp_already_enrolled`, `core.totp_not_enrolled`, `core.passkey_already_registered`, `core.passkey_unavailable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `core.wrong_password`, `core.unknown_permission`, `core.invalid_code`, `core.passkey_registration_failed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "users.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        email: string;
                        /** Format: uuid */
                        id: string;
                        lastLoginAt: string | null;
                        locale: string | null;
                        memberId: string | null;
                        name: string;
                        roles: string[];
                        status: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "users.update": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    memberId?: string | null;
                    name?: string;
                    /** @description At least 12 characters, not one of the most common passwords, and not containing the e-mail name or the organisation's name (problem `weak_password`) */
                    password?: string;
                    roles?: string[];
                    status?: "active" | "disabled";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        email: string;
                        /** Format: uuid */
                        id: string;
                        lastLoginAt: string | null;
                        locale: string | null;
                        memberId: string | null;
                        name: string;
                        roles: string[];
                        status: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `core.user_has_password`, `core.user_disabled`, `core.system_role_immutable`, `core.role_key_taken`, `core.role_in_use`, `core.own_access`, `core.totp_already_enrolled`, `core.totp_not_enrolled`, `core.passkey_already_registered`, `core.passkey_unavailable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `core.wrong_password`, `core.unknown_permission`, `core.invalid_code`, `core.passkey_registration_failed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "users.invite": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        expiresAt: string;
                        /** Format: uuid */
                        messageId: string;
                        /** Format: uuid */
                        userId: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `core.invalid_mfa_token`, `core.sso_failed`, `core.passkey_verification_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `core.permission_not_held`, `core.sso_required`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`); of this module: `core.sso_provider_not_found`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `core.user_has_password`, `core.user_disabled`, `core.system_role_immutable`, `core.role_key_taken`, `core.role_in_use`, `core.own_access`, `core.totp_already_enrolled`, `core.totp_not_enrolled`, `core.passkey_already_registered`, `core.passkey_unavailable`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `core.wrong_password`, `core.unknown_permission`, `core.invalid_code`, `core.passkey_registration_failed`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "webhooks.deliveries.retry": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attemptCount: number;
                        attempts: {
                            /** Format: date-time */
                            attemptedAt: string;
                            durationMs: number;
                            error: string | null;
                            number: number;
                            /** @description The first 1 KiB of the response body. */
                            responseBody: string | null;
                            statusCode: number | null;
                        }[];
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: uuid */
                        endpointId: string;
                        /** @description Sent as `webhook-id`: the same on every attempt. */
                        eventId: string;
                        eventType: string;
                        /** Format: uuid */
                        id: string;
                        lastAttemptAt: string | null;
                        lastError: string | null;
                        lastResponseBody: string | null;
                        lastStatusCode: number | null;
                        nextAttemptAt: string | null;
                        /** @description The body delivered: `{type, timestamp, data}`. */
                        payload: unknown;
                        /** @enum {unknown} */
                        status: "pending" | "succeeded" | "failed";
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `webhooks.endpoint_disabled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `webhooks.endpoint_limit`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "webhooks.endpoints.list": {
        parameters: {
            query: {
                cursor?: string;
                limit: number;
                /** @description Matches the URL or the description. */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: date-time */
                            createdAt: string;
                            description: string;
                            /** @description Why the endpoint is disabled: by a user, the receiver answered 410 Gone, or it failed for 5 days. */
                            disabledReason: ("manual" | "gone" | "failing") | null;
                            enabled: boolean;
                            events: string[];
                            failingSince: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @description Until then the secret before the last rotation signs too. */
                            previousSecretExpiresAt: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                            url: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "webhooks.endpoints.create": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string;
                    enabled?: boolean;
                    /** @description Event types to deliver: exact (`member.created`), a prefix (`member.*`) or everything (`*`). */
                    events: string[];
                    /** @description An http or https URL without credentials; it must resolve to public addresses. */
                    url: string;
                };
            };
        };
        responses: {
            /** @description The result, showing its secret this once; a retry with the same Idempotency-Key gets an IdempotentReplay instead. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        description: string;
                        /** @description Why the endpoint is disabled: by a user, the receiver answered 410 Gone, or it failed for 5 days. */
                        disabledReason: ("manual" | "gone" | "failing") | null;
                        enabled: boolean;
                        events: string[];
                        failingSince: string | null;
                        /** Format: uuid */
                        id: string;
                        /** @description Until then the secret before the last rotation signs too. */
                        previousSecretExpiresAt: string | null;
                        /** @description The signing secret (`whsec_...`). Shown this once: store it. */
                        secret: string;
                        /** Format: date-time */
                        updatedAt: string;
                        url: string;
                    } | {
                        detail: string;
                        /** @description The id of the resource the first request created or changed. */
                        id: string;
                        /** @enum {boolean} */
                        replayed: true;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `webhooks.endpoint_disabled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `webhooks.endpoint_limit`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "webhooks.endpoints.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        description: string;
                        /** @description Why the endpoint is disabled: by a user, the receiver answered 410 Gone, or it failed for 5 days. */
                        disabledReason: ("manual" | "gone" | "failing") | null;
                        enabled: boolean;
                        events: string[];
                        failingSince: string | null;
                        /** Format: uuid */
                        id: string;
                        /** @description Until then the secret before the last rotation signs too. */
                        previousSecretExpiresAt: string | null;
                        /** Format: date-time */
                        updatedAt: string;
                        url: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "webhooks.endpoints.delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `webhooks.endpoint_disabled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `webhooks.endpoint_limit`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "webhooks.endpoints.update": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string;
                    enabled?: boolean;
                    /** @description Event types to deliver: exact (`member.created`), a prefix (`member.*`) or everything (`*`). */
                    events?: string[];
                    /** @description An http or https URL without credentials; it must resolve to public addresses. */
                    url?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        description: string;
                        /** @description Why the endpoint is disabled: by a user, the receiver answered 410 Gone, or it failed for 5 days. */
                        disabledReason: ("manual" | "gone" | "failing") | null;
                        enabled: boolean;
                        events: string[];
                        failingSince: string | null;
                        /** Format: uuid */
                        id: string;
                        /** @description Until then the secret before the last rotation signs too. */
                        previousSecretExpiresAt: string | null;
                        /** Format: date-time */
                        updatedAt: string;
                        url: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `webhooks.endpoint_disabled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `webhooks.endpoint_limit`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "webhooks.deliveries.list": {
        parameters: {
            query: {
                cursor?: string;
                limit: number;
                status?: "pending" | "succeeded" | "failed";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            attemptCount: number;
                            attempts: {
                                /** Format: date-time */
                                attemptedAt: string;
                                durationMs: number;
                                error: string | null;
                                number: number;
                                /** @description The first 1 KiB of the response body. */
                                responseBody: string | null;
                                statusCode: number | null;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            endpointId: string;
                            /** @description Sent as `webhook-id`: the same on every attempt. */
                            eventId: string;
                            eventType: string;
                            /** Format: uuid */
                            id: string;
                            lastAttemptAt: string | null;
                            lastError: string | null;
                            lastResponseBody: string | null;
                            lastStatusCode: number | null;
                            nextAttemptAt: string | null;
                            /** @description The body delivered: `{type, timestamp, data}`. */
                            payload: unknown;
                            /** @enum {unknown} */
                            status: "pending" | "succeeded" | "failed";
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "webhooks.endpoints.rotateSecret": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The result, showing its secret this once; a retry with the same Idempotency-Key gets an IdempotentReplay instead. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        description: string;
                        /** @description Why the endpoint is disabled: by a user, the receiver answered 410 Gone, or it failed for 5 days. */
                        disabledReason: ("manual" | "gone" | "failing") | null;
                        enabled: boolean;
                        events: string[];
                        failingSince: string | null;
                        /** Format: uuid */
                        id: string;
                        /** @description Until then the secret before the last rotation signs too. */
                        previousSecretExpiresAt: string | null;
                        /** @description The signing secret (`whsec_...`). Shown this once: store it. */
                        secret: string;
                        /** Format: date-time */
                        updatedAt: string;
                        url: string;
                    } | {
                        detail: string;
                        /** @description The id of the resource the first request created or changed. */
                        id: string;
                        /** @enum {boolean} */
                        replayed: true;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `webhooks.endpoint_disabled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `webhooks.endpoint_limit`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "webhooks.endpoints.test": {
        parameters: {
            query?: never;
            header?: {
                /** @description A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attemptCount: number;
                        attempts: {
                            /** Format: date-time */
                            attemptedAt: string;
                            durationMs: number;
                            error: string | null;
                            number: number;
                            /** @description The first 1 KiB of the response body. */
                            responseBody: string | null;
                            statusCode: number | null;
                        }[];
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: uuid */
                        endpointId: string;
                        /** @description Sent as `webhook-id`: the same on every attempt. */
                        eventId: string;
                        eventType: string;
                        /** Format: uuid */
                        id: string;
                        lastAttemptAt: string | null;
                        lastError: string | null;
                        lastResponseBody: string | null;
                        lastStatusCode: number | null;
                        nextAttemptAt: string | null;
                        /** @description The body delivered: `{type, timestamp, data}`. */
                        payload: unknown;
                        /** @enum {unknown} */
                        status: "pending" | "succeeded" | "failed";
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `webhooks.endpoint_disabled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `webhooks.endpoint_limit`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.apiKeys.list": {
        parameters: {
            query: {
                cursor?: string;
                limit: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            createdBy: string;
                            expiresAt: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @description Updated at most once a minute */
                            lastUsedAt: string | null;
                            name: string;
                            permissions: string[];
                            /** @description The first characters of the key, to tell keys apart */
                            prefix: string;
                            revokedAt: string | null;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `control.permission_not_held`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.apiKeys.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    expiresAt?: string | null;
                    name: string;
                    /** @description Some of your own operator permissions (`platform.admin`) */
                    permissions: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: uuid */
                        createdBy: string;
                        expiresAt: string | null;
                        /** Format: uuid */
                        id: string;
                        /** @description Shown this once. Send it as `Authorization: Bearer <key>`. */
                        key: string;
                        /** @description Updated at most once a minute */
                        lastUsedAt: string | null;
                        name: string;
                        permissions: string[];
                        /** @description The first characters of the key, to tell keys apart */
                        prefix: string;
                        revokedAt: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `control.permission_not_held`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `control.tenant_status_forbids`, `control.provisioning_not_failed`, `control.tenant_archived`, `control.totp_already_enrolled`, `control.totp_not_enrolled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `control.unknown_permission`, `control.invalid_code`, `control.wrong_password`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.apiKeys.revoke": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `control.permission_not_held`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `control.tenant_status_forbids`, `control.provisioning_not_failed`, `control.tenant_archived`, `control.totp_already_enrolled`, `control.totp_not_enrolled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `control.unknown_permission`, `control.invalid_code`, `control.wrong_password`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.audit.list": {
        parameters: {
            query: {
                /** @description Exactly this action (`plan.created`) */
                action?: string;
                /** @description Exactly this actor (`platform:{id}`, `cli`, `system`) */
                actor?: string;
                cursor?: string;
                /** @description Entries at or after this instant */
                from?: string;
                limit: number;
                /** @description Text found in the actor, the action or the target */
                q?: string;
                /** @description Entries about this tenant (id or slug) */
                tenant?: string;
                /** @description Entries before this instant */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @description What was done, such as `plan.created` or `tenant.suspended` */
                            action: string;
                            /** @description `platform:{operator id}`, `cli` or `system` */
                            actor: string;
                            /** Format: date-time */
                            at: string;
                            data: {
                                [key: string]: unknown;
                            };
                            /** @description Position in the hash chain: later entries have higher numbers. */
                            seq: number;
                            /** @description What it was done to: a tenant's id, a plan's key, an operator's e-mail */
                            target: string | null;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `control.permission_not_held`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.audit.verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description How many entries the chain holds */
                        entries: number;
                        /** @description The first entry whose link or hash does not match: it, or the entry before it, was changed or removed */
                        firstBrokenSeq?: number;
                        /** @description Every entry links to the one before it and its hash matches its content */
                        valid: boolean;
                    };
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `control.permission_not_held`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.auth.login": {
        parameters: {
            query?: never;
            header?: {
                /** @description The refresh token travels in an HttpOnly, SameSite=Strict cookie scoped to the auth routes instead of the JSON body. */
                "x-token-transport"?: "cookie";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        /** @description Seconds until the access token expires. */
                        expiresIn: number;
                        /** @description Absent when the request asked for it in the HttpOnly cookie (`x-token-transport: cookie`). */
                        refreshToken?: string;
                        /** @enum {string} */
                        tokenType: "Bearer";
                    } | {
                        methods: ("totp" | "recovery_code")[];
                        /** @enum {boolean} */
                        mfaRequired: true;
                        /** @description Send it with a code to POST /control/v1/auth/mfa within 5 minutes */
                        mfaToken: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `control.permission_not_held`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `control.tenant_status_forbids`, `control.provisioning_not_failed`, `control.tenant_archived`, `control.totp_already_enrolled`, `control.totp_not_enrolled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `control.unknown_permission`, `control.invalid_code`, `control.wrong_password`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many attempts: wait as `Retry-After` says (`rate_limited`). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.auth.logout": {
        parameters: {
            query?: never;
            header?: {
                /** @description The refresh token travels in an HttpOnly, SameSite=Strict cookie scoped to the auth routes instead of the JSON body. */
                "x-token-transport"?: "cookie";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    refreshToken?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `control.tenant_status_forbids`, `control.provisioning_not_failed`, `control.tenant_archived`, `control.totp_already_enrolled`, `control.totp_not_enrolled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `control.unknown_permission`, `control.invalid_code`, `control.wrong_password`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.auth.mfa": {
        parameters: {
            query?: never;
            header?: {
                /** @description The refresh token travels in an HttpOnly, SameSite=Strict cookie scoped to the auth routes instead of the JSON body. */
                "x-token-transport"?: "cookie";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The 6-digit code the authenticator app shows now, or one of the recovery codes (each works once) */
                    code: string;
                    /** @description The `mfaToken` the sign-in answered: valid 5 minutes, once, and for 5 wrong codes at most */
                    mfaToken: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        /** @description Seconds until the access token expires. */
                        expiresIn: number;
                        /** @description Absent when the request asked for it in the HttpOnly cookie (`x-token-transport: cookie`). */
                        refreshToken?: string;
                        /** @enum {string} */
                        tokenType: "Bearer";
                    } & {
                        /** @description Ten single-use recovery codes, shown this once: each signs in (or steps up) in place of a code when the authenticator is lost */
                        recoveryCodes?: string[];
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `control.permission_not_held`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `control.tenant_status_forbids`, `control.provisioning_not_failed`, `control.tenant_archived`, `control.totp_already_enrolled`, `control.totp_not_enrolled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `control.unknown_permission`, `control.invalid_code`, `control.wrong_password`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many attempts: wait as `Retry-After` says (`rate_limited`). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.auth.mfa.enrol": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The `mfaToken` the sign-in answered: valid 5 minutes, once, and for 5 wrong codes at most */
                    mfaToken: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The same as an `otpauth://totp/...` URI (what a QR code holds) */
                        otpauthUri: string;
                        /** @description The TOTP secret (base32), to type into the authenticator app */
                        secret: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `control.tenant_status_forbids`, `control.provisioning_not_failed`, `control.tenant_archived`, `control.totp_already_enrolled`, `control.totp_not_enrolled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `control.unknown_permission`, `control.invalid_code`, `control.wrong_password`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many attempts: wait as `Retry-After` says (`rate_limited`). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.auth.passwordReset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `control.tenant_status_forbids`, `control.provisioning_not_failed`, `control.tenant_archived`, `control.totp_already_enrolled`, `control.totp_not_enrolled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `control.unknown_permission`, `control.invalid_code`, `control.wrong_password`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many attempts: wait as `Retry-After` says (`rate_limited`). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.auth.passwordResetConfirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password: string;
                    token: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `control.tenant_status_forbids`, `control.provisioning_not_failed`, `control.tenant_archived`, `control.totp_already_enrolled`, `control.totp_not_enrolled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `control.unknown_permission`, `control.invalid_code`, `control.wrong_password`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.auth.refresh": {
        parameters: {
            query?: never;
            header?: {
                /** @description The refresh token travels in an HttpOnly, SameSite=Strict cookie scoped to the auth routes instead of the JSON body. */
                "x-token-transport"?: "cookie";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    refreshToken?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        /** @description Seconds until the access token expires. */
                        expiresIn: number;
                        /** @description Absent when the request asked for it in the HttpOnly cookie (`x-token-transport: cookie`). */
                        refreshToken?: string;
                        /** @enum {string} */
                        tokenType: "Bearer";
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `control.tenant_status_forbids`, `control.provisioning_not_failed`, `control.tenant_archived`, `control.totp_already_enrolled`, `control.totp_not_enrolled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `control.unknown_permission`, `control.invalid_code`, `control.wrong_password`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.auth.stepUp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The 6-digit code the authenticator app shows now, or one of the recovery codes (each works once) */
                    code: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        /** @description Seconds until the access token expires. */
                        expiresIn: number;
                        /** @enum {string} */
                        tokenType: "Bearer";
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `control.permission_not_held`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `control.tenant_status_forbids`, `control.provisioning_not_failed`, `control.tenant_archived`, `control.totp_already_enrolled`, `control.totp_not_enrolled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `control.unknown_permission`, `control.invalid_code`, `control.wrong_password`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many attempts: wait as `Retry-After` says (`rate_limited`). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.jobs.list": {
        parameters: {
            query: {
                cursor?: string;
                limit: number;
                /** @description Jobs of this queue only */
                queue?: string;
                /** @description `created` waits for its run, `retry` waits for another after a failure, `active` runs; then `completed`, `cancelled` or `failed` (every attempt failed) */
                state?: "created" | "retry" | "active" | "completed" | "cancelled" | "failed";
                /** @description Jobs for this tenant (id or slug) */
                tenant?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @description Runs started so far */
                            attempts: number;
                            /** @description When it ended (completed, cancelled or failed) */
                            completedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            /** @description The last failure’s message (in the list, cut to 500 characters; one job: the whole error with its stack) */
                            lastError: string | null;
                            maxAttempts: number;
                            /** @description The job’s data; values under keys that name a secret (password, secret, token, key) read `[redacted]` */
                            payload: unknown;
                            /** @description The job’s kind: a module’s job (`webhooks.deliver`), `event.<subscriber>`, or `courtyard.dead-letter` */
                            queue: string;
                            /**
                             * Format: date-time
                             * @description When the job may run (next, for one waiting to retry)
                             */
                            runAt: string;
                            /** @description When its last run started */
                            startedAt: string | null;
                            /**
                             * @description `created` waits for its run, `retry` waits for another after a failure, `active` runs; then `completed`, `cancelled` or `failed` (every attempt failed)
                             * @enum {string}
                             */
                            state: "created" | "retry" | "active" | "completed" | "cancelled" | "failed";
                            /** @description The tenant the job works for, as its payload names it; null for platform work */
                            tenantId: string | null;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `control.permission_not_held`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.jobs.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Runs started so far */
                        attempts: number;
                        /** @description When it ended (completed, cancelled or failed) */
                        completedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: uuid */
                        id: string;
                        /** @description The last failure’s message (in the list, cut to 500 characters; one job: the whole error with its stack) */
                        lastError: string | null;
                        maxAttempts: number;
                        /** @description The job’s data; values under keys that name a secret (password, secret, token, key) read `[redacted]` */
                        payload: unknown;
                        /** @description The job’s kind: a module’s job (`webhooks.deliver`), `event.<subscriber>`, or `courtyard.dead-letter` */
                        queue: string;
                        /**
                         * Format: date-time
                         * @description When the job may run (next, for one waiting to retry)
                         */
                        runAt: string;
                        /** @description When its last run started */
                        startedAt: string | null;
                        /**
                         * @description `created` waits for its run, `retry` waits for another after a failure, `active` runs; then `completed`, `cancelled` or `failed` (every attempt failed)
                         * @enum {string}
                         */
                        state: "created" | "retry" | "active" | "completed" | "cancelled" | "failed";
                        /** @description The tenant the job works for, as its payload names it; null for platform work */
                        tenantId: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `control.permission_not_held`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.jobs.discard": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                queue: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `control.permission_not_held`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `control.tenant_status_forbids`, `control.provisioning_not_failed`, `control.tenant_archived`, `control.totp_already_enrolled`, `control.totp_not_enrolled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `control.unknown_permission`, `control.invalid_code`, `control.wrong_password`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.jobs.retry": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                queue: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `control.permission_not_held`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `control.tenant_status_forbids`, `control.provisioning_not_failed`, `control.tenant_archived`, `control.totp_already_enrolled`, `control.totp_not_enrolled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `control.unknown_permission`, `control.invalid_code`, `control.wrong_password`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.jobs.counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            count: number;
                            oldestSeconds: number | null;
                            queue: string;
                            state: string;
                        }[];
                    };
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `control.permission_not_held`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.me.get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        /** Format: uuid */
                        id: string;
                        name: string;
                    };
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `control.permission_not_held`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.me.update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Not only spaces; kept without the spaces around it */
                    name: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        /** Format: uuid */
                        id: string;
                        name: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `control.permission_not_held`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `control.tenant_status_forbids`, `control.provisioning_not_failed`, `control.tenant_archived`, `control.totp_already_enrolled`, `control.totp_not_enrolled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `control.unknown_permission`, `control.invalid_code`, `control.wrong_password`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.me.mfa.status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        recoveryCodesRemaining: number;
                        /** @description The platform requires two-step sign-in for every operator (COURTYARD_OPERATOR_TWO_STEP=required): it cannot be turned off */
                        required: boolean;
                        totp: {
                            confirmedAt: string | null;
                            enrolled: boolean;
                            /** @description Enrolment started, not confirmed with a code yet */
                            pending: boolean;
                        };
                    };
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `control.permission_not_held`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.me.mfa.totp.enrol": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The same as an `otpauth://totp/...` URI (what a QR code holds) */
                        otpauthUri: string;
                        /** @description The TOTP secret (base32), to type into the authenticator app */
                        secret: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `control.permission_not_held`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `control.tenant_status_forbids`, `control.provisioning_not_failed`, `control.tenant_archived`, `control.totp_already_enrolled`, `control.totp_not_enrolled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `control.unknown_permission`, `control.invalid_code`, `control.wrong_password`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.me.mfa.totp.disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The 6-digit code the authenticator app shows now, or one of the recovery codes (each works once) */
                    code: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `control.permission_not_held`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `control.tenant_status_forbids`, `control.provisioning_not_failed`, `control.tenant_archived`, `control.totp_already_enrolled`, `control.totp_not_enrolled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `control.unknown_permission`, `control.invalid_code`, `control.wrong_password`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many attempts: wait as `Retry-After` says (`rate_limited`). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.me.mfa.totp.confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The 6-digit code the authenticator app shows now, or one of the recovery codes (each works once) */
                    code: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Ten single-use recovery codes, shown this once: each signs in (or steps up) in place of a code when the authenticator is lost */
                        recoveryCodes: string[];
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `control.permission_not_held`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `control.tenant_status_forbids`, `control.provisioning_not_failed`, `control.tenant_archived`, `control.totp_already_enrolled`, `control.totp_not_enrolled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `control.unknown_permission`, `control.invalid_code`, `control.wrong_password`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many attempts: wait as `Retry-After` says (`rate_limited`). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.me.changePassword": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currentPassword: string;
                    /** @description At least 12 characters, not one of the most common passwords, and not containing the e-mail name (problem `weak_password`) */
                    newPassword: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `control.permission_not_held`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `control.tenant_status_forbids`, `control.provisioning_not_failed`, `control.tenant_archived`, `control.totp_already_enrolled`, `control.totp_not_enrolled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `control.unknown_permission`, `control.invalid_code`, `control.wrong_password`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many attempts: wait as `Retry-After` says (`rate_limited`). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.me.sessions.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @description The session this request was made with */
                            current: boolean;
                            /**
                             * Format: date-time
                             * @description When the session ends unless it is used (refreshed) before
                             */
                            expiresAt: string;
                            /** Format: uuid */
                            id: string;
                            /** Format: date-time */
                            lastActiveAt: string;
                            /** Format: date-time */
                            startedAt: string;
                        }[];
                    };
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `control.permission_not_held`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.me.sessions.end": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `control.permission_not_held`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `control.tenant_status_forbids`, `control.provisioning_not_failed`, `control.tenant_archived`, `control.totp_already_enrolled`, `control.totp_not_enrolled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `control.unknown_permission`, `control.invalid_code`, `control.wrong_password`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.modules.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @description Keys of the modules this one needs */
                            dependencies: string[];
                            description: string;
                            key: string;
                            name: string;
                            permissions: {
                                description: string;
                                key: string;
                            }[];
                        }[];
                    };
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `control.permission_not_held`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.plans.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            active: boolean;
                            description: string;
                            key: string;
                            /** @description Counts: null means unlimited. API rates: null means the platform default. */
                            limits: {
                                /** @description Requests to /api/v1 per minute per user or API key; absent or null: the platform's default (COURTYARD_API_RATE_…) */
                                apiRatePerPrincipal?: number | null;
                                /** @description Requests to /api/v1 per minute per tenant, all its users and keys together; absent or null: the platform's default (COURTYARD_API_RATE_…) */
                                apiRatePerTenant?: number | null;
                                members: number | null;
                                storageMb: number | null;
                                users: number | null;
                            };
                            modules: string[];
                            name: string;
                            price: {
                                amountMinor: number;
                                currency: string;
                                interval: "month" | "year";
                            };
                        }[];
                    };
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `control.permission_not_held`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.plans.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    active?: boolean;
                    /** @default  */
                    description: string;
                    key: string;
                    /** @description Counts: null means unlimited. API rates: null means the platform default. */
                    limits: {
                        /** @description Requests to /api/v1 per minute per user or API key; absent or null: the platform's default (COURTYARD_API_RATE_…) */
                        apiRatePerPrincipal?: number | null;
                        /** @description Requests to /api/v1 per minute per tenant, all its users and keys together; absent or null: the platform's default (COURTYARD_API_RATE_…) */
                        apiRatePerTenant?: number | null;
                        members: number | null;
                        storageMb: number | null;
                        users: number | null;
                    };
                    modules: string[];
                    name: string;
                    price: {
                        amountMinor: number;
                        currency: string;
                        interval: "month" | "year";
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        active: boolean;
                        description: string;
                        key: string;
                        /** @description Counts: null means unlimited. API rates: null means the platform default. */
                        limits: {
                            /** @description Requests to /api/v1 per minute per user or API key; absent or null: the platform's default (COURTYARD_API_RATE_…) */
                            apiRatePerPrincipal?: number | null;
                            /** @description Requests to /api/v1 per minute per tenant, all its users and keys together; absent or null: the platform's default (COURTYARD_API_RATE_…) */
                            apiRatePerTenant?: number | null;
                            members: number | null;
                            storageMb: number | null;
                            users: number | null;
                        };
                        modules: string[];
                        name: string;
                        price: {
                            amountMinor: number;
                            currency: string;
                            interval: "month" | "year";
                        };
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `control.permission_not_held`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `control.tenant_status_forbids`, `control.provisioning_not_failed`, `control.tenant_archived`, `control.totp_already_enrolled`, `control.totp_not_enrolled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `control.unknown_permission`, `control.invalid_code`, `control.wrong_password`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.plans.update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    active?: boolean;
                    description?: string;
                    limits?: {
                        /** @description Requests to /api/v1 per minute per user or API key; absent or null: the platform's default (COURTYARD_API_RATE_…) */
                        apiRatePerPrincipal?: number | null;
                        /** @description Requests to /api/v1 per minute per tenant, all its users and keys together; absent or null: the platform's default (COURTYARD_API_RATE_…) */
                        apiRatePerTenant?: number | null;
                        members?: number | null;
                        storageMb?: number | null;
                        users?: number | null;
                    };
                    modules?: string[];
                    name?: string;
                    price?: {
                        amountMinor: number;
                        currency: string;
                        interval: "month" | "year";
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        active: boolean;
                        description: string;
                        key: string;
                        /** @description Counts: null means unlimited. API rates: null means the platform default. */
                        limits: {
                            /** @description Requests to /api/v1 per minute per user or API key; absent or null: the platform's default (COURTYARD_API_RATE_…) */
                            apiRatePerPrincipal?: number | null;
                            /** @description Requests to /api/v1 per minute per tenant, all its users and keys together; absent or null: the platform's default (COURTYARD_API_RATE_…) */
                            apiRatePerTenant?: number | null;
                            members: number | null;
                            storageMb: number | null;
                            users: number | null;
                        };
                        modules: string[];
                        name: string;
                        price: {
                            amountMinor: number;
                            currency: string;
                            interval: "month" | "year";
                        };
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `control.permission_not_held`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `control.tenant_status_forbids`, `control.provisioning_not_failed`, `control.tenant_archived`, `control.totp_already_enrolled`, `control.totp_not_enrolled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `control.unknown_permission`, `control.invalid_code`, `control.wrong_password`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.tenants.resolve": {
        parameters: {
            query: {
                host: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        branding: {
                            accentColor?: string;
                            displayName?: string;
                            /** Format: uri */
                            logoUrl?: string;
                            primaryColor?: string;
                            /** Format: email */
                            supportEmail?: string;
                        };
                        tenant: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            slug: string;
                            status: string;
                        };
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.tenants.list": {
        parameters: {
            query: {
                cursor?: string;
                limit: number;
                q?: string;
                status?: "provisioning" | "failed" | "active" | "suspended" | "archived";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            branding: {
                                accentColor?: string;
                                displayName?: string;
                                /** Format: uri */
                                logoUrl?: string;
                                primaryColor?: string;
                                /** Format: email */
                                supportEmail?: string;
                            };
                            compliance: string[];
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The language of the tenant's users who chose none */
                            defaultLocale: string;
                            domains: string[];
                            expectedMembers: number | null;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            placement: "pooled" | "dedicated";
                            placementReason: string;
                            plan: string;
                            provisioning: {
                                attempts: number;
                                completed: string[];
                                error?: string;
                                failedStep?: string;
                                /** Format: date-time */
                                finishedAt?: string;
                                /** Format: date-time */
                                startedAt?: string;
                            };
                            region: string;
                            slug: string;
                            /** @enum {unknown} */
                            status: "provisioning" | "failed" | "active" | "suspended" | "archived";
                            /** @description The IANA time zone the tenant's calendar follows */
                            timeZone: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `control.permission_not_held`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.tenants.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    admin: {
                        /** Format: email */
                        email: string;
                        name: string;
                        password?: string;
                    };
                    compliance?: string[];
                    /**
                     * @description The language of users who chose none (default `en`)
                     * @enum {unknown}
                     */
                    defaultLocale?: "en" | "es";
                    expectedMembers?: number;
                    name: string;
                    placement?: "pooled" | "dedicated";
                    plan: string;
                    region?: string;
                    /** @description DNS label: lowercase letters, digits and hyphens */
                    slug: string;
                    /** @description An IANA time zone, e.g. `Pacific/Auckland` (default `UTC`): "today", due dates, late-fee days, lease endings and monthly jobs follow it */
                    timeZone?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        branding: {
                            accentColor?: string;
                            displayName?: string;
                            /** Format: uri */
                            logoUrl?: string;
                            primaryColor?: string;
                            /** Format: email */
                            supportEmail?: string;
                        };
                        compliance: string[];
                        /** Format: date-time */
                        createdAt: string;
                        /** @description The language of the tenant's users who chose none */
                        defaultLocale: string;
                        domains: string[];
                        expectedMembers: number | null;
                        /** Format: uuid */
                        id: string;
                        name: string;
                        placement: "pooled" | "dedicated";
                        placementReason: string;
                        plan: string;
                        provisioning: {
                            attempts: number;
                            completed: string[];
                            error?: string;
                            failedStep?: string;
                            /** Format: date-time */
                            finishedAt?: string;
                            /** Format: date-time */
                            startedAt?: string;
                        };
                        region: string;
                        slug: string;
                        /** @enum {unknown} */
                        status: "provisioning" | "failed" | "active" | "suspended" | "archived";
                        /** @description The IANA time zone the tenant's calendar follows */
                        timeZone: string;
                        /** Format: date-time */
                        updatedAt: string;
                    } & {
                        admin: {
                            email: string;
                            generatedPassword?: string;
                        };
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `control.permission_not_held`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `control.tenant_status_forbids`, `control.provisioning_not_failed`, `control.tenant_archived`, `control.totp_already_enrolled`, `control.totp_not_enrolled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `control.unknown_permission`, `control.invalid_code`, `control.wrong_password`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.tenants.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant id or slug */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        branding: {
                            accentColor?: string;
                            displayName?: string;
                            /** Format: uri */
                            logoUrl?: string;
                            primaryColor?: string;
                            /** Format: email */
                            supportEmail?: string;
                        };
                        compliance: string[];
                        /** Format: date-time */
                        createdAt: string;
                        /** @description The language of the tenant's users who chose none */
                        defaultLocale: string;
                        domains: string[];
                        expectedMembers: number | null;
                        /** Format: uuid */
                        id: string;
                        name: string;
                        placement: "pooled" | "dedicated";
                        placementReason: string;
                        plan: string;
                        provisioning: {
                            attempts: number;
                            completed: string[];
                            error?: string;
                            failedStep?: string;
                            /** Format: date-time */
                            finishedAt?: string;
                            /** Format: date-time */
                            startedAt?: string;
                        };
                        region: string;
                        slug: string;
                        /** @enum {unknown} */
                        status: "provisioning" | "failed" | "active" | "suspended" | "archived";
                        /** @description The IANA time zone the tenant's calendar follows */
                        timeZone: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `control.permission_not_held`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.tenants.update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant id or slug */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The language of users who chose none (default `en`)
                     * @enum {unknown}
                     */
                    defaultLocale?: "en" | "es";
                    name?: string;
                    plan?: string;
                    /** @description An IANA time zone, e.g. `Pacific/Auckland` (default `UTC`): "today", due dates, late-fee days, lease endings and monthly jobs follow it */
                    timeZone?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        branding: {
                            accentColor?: string;
                            displayName?: string;
                            /** Format: uri */
                            logoUrl?: string;
                            primaryColor?: string;
                            /** Format: email */
                            supportEmail?: string;
                        };
                        compliance: string[];
                        /** Format: date-time */
                        createdAt: string;
                        /** @description The language of the tenant's users who chose none */
                        defaultLocale: string;
                        domains: string[];
                        expectedMembers: number | null;
                        /** Format: uuid */
                        id: string;
                        name: string;
                        placement: "pooled" | "dedicated";
                        placementReason: string;
                        plan: string;
                        provisioning: {
                            attempts: number;
                            completed: string[];
                            error?: string;
                            failedStep?: string;
                            /** Format: date-time */
                            finishedAt?: string;
                            /** Format: date-time */
                            startedAt?: string;
                        };
                        region: string;
                        slug: string;
                        /** @enum {unknown} */
                        status: "provisioning" | "failed" | "active" | "suspended" | "archived";
                        /** @description The IANA time zone the tenant's calendar follows */
                        timeZone: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `control.permission_not_held`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `control.tenant_status_forbids`, `control.provisioning_not_failed`, `control.tenant_archived`, `control.totp_already_enrolled`, `control.totp_not_enrolled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `control.unknown_permission`, `control.invalid_code`, `control.wrong_password`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.tenants.archive": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant id or slug */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        branding: {
                            accentColor?: string;
                            displayName?: string;
                            /** Format: uri */
                            logoUrl?: string;
                            primaryColor?: string;
                            /** Format: email */
                            supportEmail?: string;
                        };
                        compliance: string[];
                        /** Format: date-time */
                        createdAt: string;
                        /** @description The language of the tenant's users who chose none */
                        defaultLocale: string;
                        domains: string[];
                        expectedMembers: number | null;
                        /** Format: uuid */
                        id: string;
                        name: string;
                        placement: "pooled" | "dedicated";
                        placementReason: string;
                        plan: string;
                        provisioning: {
                            attempts: number;
                            completed: string[];
                            error?: string;
                            failedStep?: string;
                            /** Format: date-time */
                            finishedAt?: string;
                            /** Format: date-time */
                            startedAt?: string;
                        };
                        region: string;
                        slug: string;
                        /** @enum {unknown} */
                        status: "provisioning" | "failed" | "active" | "suspended" | "archived";
                        /** @description The IANA time zone the tenant's calendar follows */
                        timeZone: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `control.permission_not_held`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `control.tenant_status_forbids`, `control.provisioning_not_failed`, `control.tenant_archived`, `control.totp_already_enrolled`, `control.totp_not_enrolled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `control.unknown_permission`, `control.invalid_code`, `control.wrong_password`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.tenants.branding.replace": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant id or slug */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    accentColor?: string;
                    displayName?: string;
                    /** Format: uri */
                    logoUrl?: string;
                    primaryColor?: string;
                    /** Format: email */
                    supportEmail?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        branding: {
                            accentColor?: string;
                            displayName?: string;
                            /** Format: uri */
                            logoUrl?: string;
                            primaryColor?: string;
                            /** Format: email */
                            supportEmail?: string;
                        };
                        compliance: string[];
                        /** Format: date-time */
                        createdAt: string;
                        /** @description The language of the tenant's users who chose none */
                        defaultLocale: string;
                        domains: string[];
                        expectedMembers: number | null;
                        /** Format: uuid */
                        id: string;
                        name: string;
                        placement: "pooled" | "dedicated";
                        placementReason: string;
                        plan: string;
                        provisioning: {
                            attempts: number;
                            completed: string[];
                            error?: string;
                            failedStep?: string;
                            /** Format: date-time */
                            finishedAt?: string;
                            /** Format: date-time */
                            startedAt?: string;
                        };
                        region: string;
                        slug: string;
                        /** @enum {unknown} */
                        status: "provisioning" | "failed" | "active" | "suspended" | "archived";
                        /** @description The IANA time zone the tenant's calendar follows */
                        timeZone: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `control.permission_not_held`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `control.tenant_status_forbids`, `control.provisioning_not_failed`, `control.tenant_archived`, `control.totp_already_enrolled`, `control.totp_not_enrolled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `control.unknown_permission`, `control.invalid_code`, `control.wrong_password`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.tenants.domains.add": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant id or slug */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    domain: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        domain: string;
                        /** Format: uuid */
                        tenantId: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `control.permission_not_held`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `control.tenant_status_forbids`, `control.provisioning_not_failed`, `control.tenant_archived`, `control.totp_already_enrolled`, `control.totp_not_enrolled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `control.unknown_permission`, `control.invalid_code`, `control.wrong_password`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.tenants.domains.remove": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                domain: string;
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `control.permission_not_held`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `control.tenant_status_forbids`, `control.provisioning_not_failed`, `control.tenant_archived`, `control.totp_already_enrolled`, `control.totp_not_enrolled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `control.unknown_permission`, `control.invalid_code`, `control.wrong_password`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.tenants.licence.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant id or slug */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        claims: {
                            [key: string]: unknown;
                        };
                        /** Format: date-time */
                        expiresAt: string;
                        /** Format: uuid */
                        id: string;
                        /** Format: date-time */
                        issuedAt: string;
                        /** @description The signed licence (compact JWS, EdDSA). */
                        jws: string;
                        /** @description How this licence differs from the tenant's plan; renewals and plan edits keep it. */
                        overrides: {
                            addModules?: string[];
                            graceDays?: number;
                            limits?: {
                                /** @description Requests to /api/v1 per minute per user or API key; absent or null: the platform's default (COURTYARD_API_RATE_…) */
                                apiRatePerPrincipal?: number | null;
                                /** @description Requests to /api/v1 per minute per tenant, all its users and keys together; absent or null: the platform's default (COURTYARD_API_RATE_…) */
                                apiRatePerTenant?: number | null;
                                members?: number | null;
                                storageMb?: number | null;
                                users?: number | null;
                            };
                            modules?: string[];
                            removeModules?: string[];
                        };
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `control.permission_not_held`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.tenants.licence.reissue": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant id or slug */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    addModules?: string[];
                    /** Format: date-time */
                    expiresAt?: string;
                    graceDays?: number;
                    limits?: {
                        /** @description Requests to /api/v1 per minute per user or API key; absent or null: the platform's default (COURTYARD_API_RATE_…) */
                        apiRatePerPrincipal?: number | null;
                        /** @description Requests to /api/v1 per minute per tenant, all its users and keys together; absent or null: the platform's default (COURTYARD_API_RATE_…) */
                        apiRatePerTenant?: number | null;
                        members?: number | null;
                        storageMb?: number | null;
                        users?: number | null;
                    };
                    modules?: string[];
                    removeModules?: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        claims: {
                            [key: string]: unknown;
                        };
                        /** Format: date-time */
                        expiresAt: string;
                        /** Format: uuid */
                        id: string;
                        /** Format: date-time */
                        issuedAt: string;
                        /** @description The signed licence (compact JWS, EdDSA). */
                        jws: string;
                        /** @description How this licence differs from the tenant's plan; renewals and plan edits keep it. */
                        overrides: {
                            addModules?: string[];
                            graceDays?: number;
                            limits?: {
                                /** @description Requests to /api/v1 per minute per user or API key; absent or null: the platform's default (COURTYARD_API_RATE_…) */
                                apiRatePerPrincipal?: number | null;
                                /** @description Requests to /api/v1 per minute per tenant, all its users and keys together; absent or null: the platform's default (COURTYARD_API_RATE_…) */
                                apiRatePerTenant?: number | null;
                                members?: number | null;
                                storageMb?: number | null;
                                users?: number | null;
                            };
                            modules?: string[];
                            removeModules?: string[];
                        };
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `control.permission_not_held`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `control.tenant_status_forbids`, `control.provisioning_not_failed`, `control.tenant_archived`, `control.totp_already_enrolled`, `control.totp_not_enrolled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `control.unknown_permission`, `control.invalid_code`, `control.wrong_password`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.tenants.retryProvisioning": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant id or slug */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        branding: {
                            accentColor?: string;
                            displayName?: string;
                            /** Format: uri */
                            logoUrl?: string;
                            primaryColor?: string;
                            /** Format: email */
                            supportEmail?: string;
                        };
                        compliance: string[];
                        /** Format: date-time */
                        createdAt: string;
                        /** @description The language of the tenant's users who chose none */
                        defaultLocale: string;
                        domains: string[];
                        expectedMembers: number | null;
                        /** Format: uuid */
                        id: string;
                        name: string;
                        placement: "pooled" | "dedicated";
                        placementReason: string;
                        plan: string;
                        provisioning: {
                            attempts: number;
                            completed: string[];
                            error?: string;
                            failedStep?: string;
                            /** Format: date-time */
                            finishedAt?: string;
                            /** Format: date-time */
                            startedAt?: string;
                        };
                        region: string;
                        slug: string;
                        /** @enum {unknown} */
                        status: "provisioning" | "failed" | "active" | "suspended" | "archived";
                        /** @description The IANA time zone the tenant's calendar follows */
                        timeZone: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `control.permission_not_held`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `control.tenant_status_forbids`, `control.provisioning_not_failed`, `control.tenant_archived`, `control.totp_already_enrolled`, `control.totp_not_enrolled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `control.unknown_permission`, `control.invalid_code`, `control.wrong_password`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.tenants.resume": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant id or slug */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        branding: {
                            accentColor?: string;
                            displayName?: string;
                            /** Format: uri */
                            logoUrl?: string;
                            primaryColor?: string;
                            /** Format: email */
                            supportEmail?: string;
                        };
                        compliance: string[];
                        /** Format: date-time */
                        createdAt: string;
                        /** @description The language of the tenant's users who chose none */
                        defaultLocale: string;
                        domains: string[];
                        expectedMembers: number | null;
                        /** Format: uuid */
                        id: string;
                        name: string;
                        placement: "pooled" | "dedicated";
                        placementReason: string;
                        plan: string;
                        provisioning: {
                            attempts: number;
                            completed: string[];
                            error?: string;
                            failedStep?: string;
                            /** Format: date-time */
                            finishedAt?: string;
                            /** Format: date-time */
                            startedAt?: string;
                        };
                        region: string;
                        slug: string;
                        /** @enum {unknown} */
                        status: "provisioning" | "failed" | "active" | "suspended" | "archived";
                        /** @description The IANA time zone the tenant's calendar follows */
                        timeZone: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `control.permission_not_held`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `control.tenant_status_forbids`, `control.provisioning_not_failed`, `control.tenant_archived`, `control.totp_already_enrolled`, `control.totp_not_enrolled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `control.unknown_permission`, `control.invalid_code`, `control.wrong_password`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "control.tenants.suspend": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Tenant id or slug */
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        branding: {
                            accentColor?: string;
                            displayName?: string;
                            /** Format: uri */
                            logoUrl?: string;
                            primaryColor?: string;
                            /** Format: email */
                            supportEmail?: string;
                        };
                        compliance: string[];
                        /** Format: date-time */
                        createdAt: string;
                        /** @description The language of the tenant's users who chose none */
                        defaultLocale: string;
                        domains: string[];
                        expectedMembers: number | null;
                        /** Format: uuid */
                        id: string;
                        name: string;
                        placement: "pooled" | "dedicated";
                        placementReason: string;
                        plan: string;
                        provisioning: {
                            attempts: number;
                            completed: string[];
                            error?: string;
                            failedStep?: string;
                            /** Format: date-time */
                            finishedAt?: string;
                            /** Format: date-time */
                            startedAt?: string;
                        };
                        region: string;
                        slug: string;
                        /** @enum {unknown} */
                        status: "provisioning" | "failed" | "active" | "suspended" | "archived";
                        /** @description The IANA time zone the tenant's calendar follows */
                        timeZone: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`); of this module: `control.invalid_mfa_token`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it); of this module: `control.permission_not_held`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record, or the tenant, does not exist (`not_found`, `tenant_not_found`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request conflicts with the current state (`already_exists`, or a code of the module); of this module: `control.tenant_status_forbids`, `control.provisioning_not_failed`, `control.tenant_archived`, `control.totp_already_enrolled`, `control.totp_not_enrolled`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well-formed but cannot be carried out (`unprocessable`); of this module: `control.unknown_permission`, `control.invalid_code`, `control.wrong_password`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
