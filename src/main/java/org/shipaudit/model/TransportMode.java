package org.shipaudit.model;

/** How a service moves goods; hazmat rules depend on it (air services carry far less). */
public enum TransportMode {
    AIR, GROUND, UNKNOWN
}
