import { Pipe, type PipeTransform } from '@angular/core';

const FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/**
 * Formats an instant (epoch milliseconds or an ISO 8601 string) in the reader's locale and time
 * zone; `null` and unparseable values become an em dash. `Intl` rather than `DatePipe` keeps
 * Angular's locale data out of the bundle.
 */
@Pipe({ name: 'dateTime' })
export class DateTimePipe implements PipeTransform {
  transform(value: number | string | null | undefined): string {
    if (value === null || value === undefined) return '—';
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? '—' : FORMAT.format(date);
  }
}
