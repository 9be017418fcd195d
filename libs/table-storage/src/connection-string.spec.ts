import { describeStorage, isStorageConnectionString } from './connection-string';
import { odata } from './odata-filter';

const AZURITE =
  'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;';

describe('isStorageConnectionString', () => {
  it.each([
    ['Azurite shorthand', 'UseDevelopmentStorage=true'],
    ['Azurite on another port', AZURITE],
    [
      'account key',
      'DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=a2V5;EndpointSuffix=core.windows.net',
    ],
    [
      'SAS',
      'TableEndpoint=https://contoso.table.core.windows.net;SharedAccessSignature=sv=2024&sig=abc',
    ],
  ])('accepts %s', (_name, connectionString) => {
    expect(isStorageConnectionString(connectionString)).toBe(true);
  });

  it.each([
    ['an empty string', ''],
    ['a URL', 'https://contoso.table.core.windows.net'],
    ['an account without its key', 'AccountName=contoso'],
    ['an account key without a protocol', 'AccountName=contoso;AccountKey=a2V5'],
    [
      'an account without an endpoint suffix',
      'DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=a2V5',
    ],
    ['a SAS without an endpoint', 'SharedAccessSignature=sv=2024&sig=abc'],
    [
      'a table endpoint that is no URL',
      'AccountName=contoso;AccountKey=a2V5;TableEndpoint=contoso',
    ],
    ['development storage turned off', 'UseDevelopmentStorage=false'],
  ])('refuses %s', (_name, connectionString) => {
    expect(isStorageConnectionString(connectionString)).toBe(false);
  });
});

describe('describeStorage', () => {
  it('names the endpoint and never the key or SAS token', () => {
    expect(describeStorage(AZURITE)).toBe('http://127.0.0.1:10002/devstoreaccount1');
    expect(
      describeStorage('AccountName=contoso;AccountKey=c2VjcmV0;EndpointSuffix=core.windows.net'),
    ).toBe('https://contoso.table.core.windows.net');
    expect(
      describeStorage(
        'TableEndpoint=https://contoso.table.core.windows.net?sv=1&sig=secret;SharedAccessSignature=sv=1&sig=secret',
      ),
    ).toBe('https://contoso.table.core.windows.net');
  });
});

describe('odata', () => {
  it('quotes strings with doubled single quotes and writes numbers and booleans as they are', () => {
    const name = "o'brien";
    expect(odata`PartitionKey eq ${name} and count ge ${3} and ok eq ${true}`).toBe(
      "PartitionKey eq 'o''brien' and count ge 3 and ok eq true",
    );
  });
});
