/**
 * The documents register: every file the company received or produced (uploads, emailed bills, generated
 * PDFs), a page at a time, with what reading it found and the bill it became.
 */
import { and, count, eq, ilike, inArray, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { documents, documentStatus, supplierBills } from '../../db/schema/index.ts';
import { tenantJoin } from '../../db/tenant.ts';
import { defineTool } from '../define.ts';
import { containing, Direction, Offset, orderOf, PageInfo, TextQuery } from '../paging.ts';

const SOURCES = ['upload', 'email', 'mcp', 'api', 'generated'] as const;
const SORTS = ['created', 'filename', 'size', 'status'] as const;

export const listDocuments = defineTool({
  name: 'documents_list_documents',
  title: 'List documents',
  description:
    'List the company documents (uploaded or emailed bills, generated PDFs), newest first, a page at a time. ' +
    'Filter by reading status (e.g. ["failed"]), source, or a query (part of the file name); sort by created, ' +
    'filename, size or status; page with offset. Returns id, file name, type, size, source, status, reading ' +
    'confidence and the bill it became, if any, and the total count. The file itself is at ' +
    '/app/documents/{id}/file in the browser.',
  kind: 'read',
  input: z.object({
    query: TextQuery,
    status: z.array(z.enum(documentStatus.enumValues)).optional(),
    source: z.enum(SOURCES).optional(),
    id: z.string().uuid().optional().describe('One document by id (its page).'),
    sort: z.enum(SORTS).default('created'),
    direction: Direction.optional(),
    offset: Offset,
    limit: z.number().int().min(1).max(200).default(50),
  }),
  output: z
    .object({
      documents: z.array(
        z.object({
          id: z.string().uuid(),
          filename: z.string(),
          mimeType: z.string(),
          sizeBytes: z.number().int(),
          source: z.enum(SOURCES),
          status: z.enum(documentStatus.enumValues),
          confidence: z.number().nullable(),
          error: z.string().nullable(),
          createdAt: z.string(),
          bill: z.object({ id: z.string().uuid(), number: z.string() }).nullable(),
        }),
      ),
    })
    .extend(PageInfo.shape),
  async run(ctx, input) {
    const where: SQL[] = [];
    if (input.status?.length) where.push(inArray(documents.status, input.status));
    if (input.source) where.push(eq(documents.source, input.source));
    if (input.query) where.push(ilike(documents.filename, containing(input.query)));
    if (input.id) where.push(eq(documents.id, input.id));
    const direction = input.direction ?? (input.sort === 'filename' || input.sort === 'status' ? 'asc' : 'desc');
    const column = {
      created: documents.createdAt,
      filename: documents.filename,
      size: documents.sizeBytes,
      status: documents.status,
    }[input.sort];
    // The file's bytes stay in the table: a page lists, the file route serves.
    const rows = await ctx.db
      .select({
        id: documents.id,
        filename: documents.filename,
        mimeType: documents.mimeType,
        sizeBytes: documents.sizeBytes,
        source: documents.source,
        status: documents.status,
        confidence: documents.confidence,
        error: documents.error,
        createdAt: documents.createdAt,
        billId: supplierBills.id,
        billNumber: supplierBills.number,
      })
      .from(documents)
      .leftJoin(supplierBills, tenantJoin(supplierBills.documentId, documents.id))
      .where(and(...where))
      .orderBy(...orderOf(column, direction, documents.id, { text: input.sort === 'filename' }))
      .limit(input.limit)
      .offset(input.offset);
    const [counted] = await ctx.db
      .select({ n: count() })
      .from(documents)
      .where(and(...where));
    return {
      documents: rows.map(({ billId, billNumber, createdAt, ...d }) => ({
        ...d,
        createdAt: createdAt.toISOString(),
        bill: billId && billNumber ? { id: billId, number: billNumber } : null,
      })),
      total: counted?.n ?? 0,
      offset: input.offset,
      limit: input.limit,
    };
  },
  summarize: (out, lang) =>
    lang === 'fr'
      ? `${out.documents.length} document(s) sur ${out.total}.`
      : `${out.documents.length} of ${out.total} document(s).`,
});

export const documentTools = [listDocuments];
