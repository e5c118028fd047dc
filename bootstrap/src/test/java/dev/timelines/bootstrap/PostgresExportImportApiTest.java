package dev.timelines.bootstrap;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Export, import and retention over HTTP, stored in PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresStorage.class)
class PostgresExportImportApiTest extends ExportImportApiTest {
}
