/** Class names shared by this module's pages (the leases module's too). */
export const textLink = 'font-medium text-brand underline-offset-2 hover:underline outline-none focus-visible:ring-2 focus-visible:ring-brand rounded-sm';
export const secondaryLink = 'inline-flex items-center gap-2 rounded-md bg-white px-3 py-1.5 text-sm font-medium text-slate-900 ring-1 ring-slate-300 outline-none hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-brand';
export const card = 'rounded-lg border border-slate-200 bg-white p-4';
export const simpleTable = 'w-full border-collapse text-left text-sm';
export const th = 'bg-slate-100 px-3 py-2 font-semibold text-slate-700';
export const td = 'border-t border-slate-100 px-3 py-2';
export const badge = 'inline-flex rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700';
