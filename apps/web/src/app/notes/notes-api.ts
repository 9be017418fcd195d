import { HttpClient, HttpHeaders, type HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { Note, NoteInput, NoteList, VersionedNote } from './note';

/**
 * Same origin as the app (docs/architecture.md, "One origin for the browser"); the interceptor adds
 * the token.
 */
export const NOTES_URL = '/api/notes';

/**
 * The notes API, one method per call. Failures reject with the `HttpErrorResponse`, whose status
 * (400 with field errors, 404, 412) the page tells apart.
 */
@Injectable({ providedIn: 'root' })
export class NotesApi {
  private readonly http = inject(HttpClient);

  /** The caller's notes, newest first. */
  async list(): Promise<readonly Note[]> {
    const list = await firstValueFrom(this.http.get<NoteList>(NOTES_URL));
    return list.items;
  }

  /** One note with its current `ETag`, which a later update sends as `If-Match`. */
  async get(id: string): Promise<VersionedNote> {
    const response = await firstValueFrom(
      this.http.get<Note>(noteUrl(id), { observe: 'response' }),
    );
    return versioned(response);
  }

  async create(input: NoteInput): Promise<VersionedNote> {
    const response = await firstValueFrom(
      this.http.post<Note>(NOTES_URL, input, { observe: 'response' }),
    );
    return versioned(response);
  }

  /** Replaces a note; with an `etag`, only if nobody changed it since (else 412). */
  async update(id: string, input: NoteInput, etag: string | null): Promise<VersionedNote> {
    const headers = etag === null ? new HttpHeaders() : new HttpHeaders({ 'If-Match': etag });
    const response = await firstValueFrom(
      this.http.put<Note>(noteUrl(id), input, { headers, observe: 'response' }),
    );
    return versioned(response);
  }

  async remove(id: string): Promise<void> {
    await firstValueFrom(this.http.delete(noteUrl(id)));
  }
}

function noteUrl(id: string): string {
  return `${NOTES_URL}/${encodeURIComponent(id)}`;
}

function versioned(response: HttpResponse<Note>): VersionedNote {
  if (response.body === null) throw new TypeError('The notes API answered without a note');
  return { note: response.body, etag: response.headers.get('ETag') };
}
