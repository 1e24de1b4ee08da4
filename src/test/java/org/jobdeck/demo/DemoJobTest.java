package org.jobdeck.demo;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A demo-job test: a fresh small dataset (see {@link DemoFixture}) per test, closed after it. */
abstract class DemoJobTest {
    @TempDir
    Path dir;

    DemoFixture fixture;

    @BeforeEach
    void openFixture() {
        fixture = DemoFixture.open(dir);
    }

    @AfterEach
    void closeFixture() {
        fixture.close();
    }
}
