import { headerRef, jsonResponse, responseRef, schemaRef } from './api-responses';

const noteId = {
  name: 'id',
  in: 'path',
  required: true,
  description: "The note's id (a UUID, any case); anything else is not found.",
  schema: { type: 'string' },
} as const;

const ifMatch = {
  name: 'If-Match',
  in: 'header',
  required: false,
  description:
    '`*` or a list of entity tags: the write happens only if one of them is current (else 412).',
  schema: { type: 'string' },
} as const;

const noteBody = {
  required: true,
  content: { 'application/json': { schema: schemaRef('NoteInput') } },
} as const;

/** The refusals every notes operation shares. */
const guarded = {
  '401': responseRef('Unauthorized'),
  '403': responseRef('NotesForbidden'),
  '503': responseRef('NotesUnavailable'),
} as const;

/** `/api/notes` and `/api/notes/{id}`: the caller's notes (scopes `notes.read`/`notes.write`). */
export const NOTES_PATHS = {
  '/api/notes': {
    get: {
      operationId: 'listNotes',
      tags: ['notes'],
      summary: "List the caller's notes",
      description: 'Newest first. Needs `notes.read`.',
      security: [{ bearerToken: ['notes.read'] }],
      responses: { '200': jsonResponse("The caller's notes.", 'NoteList'), ...guarded },
    },
    post: {
      operationId: 'createNote',
      tags: ['notes'],
      summary: 'Create a note',
      description: 'Needs `notes.write`. A user keeps at most 500 notes.',
      security: [{ bearerToken: ['notes.write'] }],
      requestBody: noteBody,
      responses: {
        '201': jsonResponse('The new note.', 'Note', {
          ETag: headerRef('ETag'),
          Location: headerRef('Location'),
        }),
        '400': responseRef('BadNoteBody'),
        '409': {
          description: 'The caller already has the most notes allowed (500).',
          headers: { 'Cache-Control': headerRef('NoStore') },
          content: { 'application/problem+json': { schema: schemaRef('ProblemDetails') } },
        },
        '413': responseRef('NoteBodyTooLarge'),
        '415': responseRef('NoteBodyNotJson'),
        ...guarded,
      },
    },
  },
  '/api/notes/{id}': {
    parameters: [noteId],
    get: {
      operationId: 'getNote',
      tags: ['notes'],
      summary: 'Read a note',
      description: 'Needs `notes.read`.',
      security: [{ bearerToken: ['notes.read'] }],
      responses: {
        '200': jsonResponse('The note.', 'Note', { ETag: headerRef('ETag') }),
        '404': responseRef('NoteNotFound'),
        ...guarded,
      },
    },
    put: {
      operationId: 'replaceNote',
      tags: ['notes'],
      summary: 'Replace a note',
      description: 'Replaces title and body. Needs `notes.write`.',
      security: [{ bearerToken: ['notes.write'] }],
      parameters: [ifMatch],
      requestBody: noteBody,
      responses: {
        '200': jsonResponse('The note as replaced.', 'Note', { ETag: headerRef('ETag') }),
        '400': responseRef('BadNoteBody'),
        '404': responseRef('NoteNotFound'),
        '412': responseRef('NoteChanged'),
        '413': responseRef('NoteBodyTooLarge'),
        '415': responseRef('NoteBodyNotJson'),
        ...guarded,
      },
    },
    delete: {
      operationId: 'deleteNote',
      tags: ['notes'],
      summary: 'Delete a note',
      description: 'Needs `notes.write`.',
      security: [{ bearerToken: ['notes.write'] }],
      parameters: [ifMatch],
      responses: {
        '204': {
          description: 'Deleted.',
          headers: { 'Cache-Control': headerRef('NoStore') },
        },
        '400': responseRef('BadNoteBody'),
        '404': responseRef('NoteNotFound'),
        '412': responseRef('NoteChanged'),
        ...guarded,
      },
    },
  },
} as const;
