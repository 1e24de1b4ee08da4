package org.jobdeck.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest, so it is written in one place: the pom. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"jobdeck " + (version == null ? "(development build)" : version)};
    }
}
