package org.shipaudit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version {@code --version} prints on every command: the project version Maven wrote into
 * {@code org/shipaudit/version.properties} at build time, so it cannot drift from the pom as a literal would.
 */
public final class Version implements IVersionProvider {

    static final String RESOURCE = "/org/shipaudit/version.properties";

    /** The build's version, e.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} for classes not built by Maven. */
    public static String current() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"ShipAudit " + current(), "Java " + Runtime.version() + " ("
                + System.getProperty("java.vendor", "unknown vendor") + ")"};
    }
}
