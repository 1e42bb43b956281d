/**
 * XML as Comptoir reads it (e-invoices, bank statements), with fast-xml-parser: namespace prefixes
 * dropped, attributes kept as `@_name`, every value a string (no amount passes through a float), the
 * standard entities decoded ("Smith &amp; Co" → "Smith & Co"), and the named elements always lists,
 * so a single occurrence reads like many. Callers refuse DTDs before parsing.
 */
import { XMLParser } from 'fast-xml-parser';

export function xmlParser(repeated: ReadonlySet<string>): XMLParser {
  return new XMLParser({
    removeNSPrefix: true,
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    isArray: (name) => repeated.has(name),
  });
}
