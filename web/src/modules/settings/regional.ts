/** The tenant's time zone and default locale, as `/api/v1/settings/regional` answers. */
export interface Regional {
  timeZone: string;
  defaultLocale: string;
}
