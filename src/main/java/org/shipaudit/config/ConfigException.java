package org.shipaudit.config;

/** Configuration that cannot start the service, naming the key and what is wrong with it. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String key, String problem) {
        super("configuration '" + key + "': " + problem);
    }
}
