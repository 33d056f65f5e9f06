import { demoCompanies } from '../../cli/demo.data.ts';

/** Every page of the portal, with the demo data's subjects, as the browser tests and the screenshots visit them. */
export const PORTAL_PAGES: [name: string, url: string][] = [
  ['home', '/'],
  ['search', `/search?q=${encodeURIComponent('鑫源建')}`],
  ['search-malformed-code', '/search?q=91370125MA3C0D0010'],
  ['subject', `/subjects/${demoCompanies[0].uscc}`],
  ['lists-red', '/lists/red'],
  ['lists-black', '/lists/black'],
  ['exposure', '/exposure'],
  ['policies', '/policies'],
  ['services', '/services'],
  ['services-objection', '/services/objection'],
  ['services-repair', '/services/repair'],
  ['services-tipoff', '/services/tipoff'],
  ['services-tracking', '/services/tracking'],
  ['services-identifier', '/services/identifier'],
];
