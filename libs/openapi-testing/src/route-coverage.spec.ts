import { compareRoutesWithDocument } from './route-coverage';
import { TEST_DOCUMENT } from './test-document';

describe('compareRoutesWithDocument', () => {
  it('matches parameters whatever their names and constraints, both ways', () => {
    const routes = [
      { template: 'notes/{noteId:guid}', methods: ['GET', 'DELETE', 'HEAD'] },
      { template: 'notes/latest', methods: ['GET'] },
    ];
    expect(compareRoutesWithDocument(routes, TEST_DOCUMENT)).toEqual({
      undocumented: [],
      unregistered: [],
    });
  });

  it('lists a registered method nothing describes and an operation nothing serves', () => {
    const routes = [
      { template: 'notes/{id}', methods: ['GET', 'DELETE', 'HEAD', 'PATCH'] },
      { template: 'admin', methods: ['POST'] },
    ];
    expect(compareRoutesWithDocument(routes, TEST_DOCUMENT)).toEqual({
      undocumented: ['PATCH /notes/{id}', 'POST /admin'],
      unregistered: ['GET /notes/latest'],
    });
    const skipAdmin = compareRoutesWithDocument(routes, TEST_DOCUMENT, (route) =>
      route.template.startsWith('admin'),
    );
    expect(skipAdmin.undocumented).toEqual(['PATCH /notes/{id}']);
  });

  it('lets a catch-all route serve every documented path under it', () => {
    const routes = [{ template: 'notes/{*rest}', methods: ['GET', 'DELETE', 'HEAD'] }];
    expect(compareRoutesWithDocument(routes, TEST_DOCUMENT)).toEqual({
      undocumented: [],
      unregistered: [],
    });
    const postOnly = [{ template: 'notes/{*rest}', methods: ['POST'] }];
    expect(compareRoutesWithDocument(postOnly, TEST_DOCUMENT).undocumented).toEqual([
      'POST /notes/{*rest}',
    ]);
  });
});
